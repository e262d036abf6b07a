import { type Role, TokenService } from '@qbm/http';
import { SUITE_JWT_SECRET } from './suite-environment';

// Tokens as the services verify them (HS256, the default issuer and audience).
const tokens = new TokenService({ secret: SUITE_JWT_SECRET, issuer: 'qbm', audience: 'qbm-api' });

export function bearer(role: Role, organizationId = 'suite'): Record<string, string> {
  return { authorization: `Bearer ${tokens.sign({ organizationId, role, subject: `${role}@${organizationId}` })}` };
}
