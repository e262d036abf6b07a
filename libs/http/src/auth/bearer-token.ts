// The token of an `Authorization: Bearer <token>` header, if that is what the header holds.
export function bearerToken(header: string | undefined): string | undefined {
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}
