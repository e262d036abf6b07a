import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export const REQUIRED_ROLE = 'qbm:required-role';

// Without it a route needs viewer to read, editor to write and admin to delete.
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
