// A tree filter: a parent's id, or "root" for the top level. Anything else is a 400, not a database error.
export const ROOT_OR_UUID = {
  regex: /^(root|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
  message: '$property must be "root" or a UUID',
};
