import { SetMetadata } from '@nestjs/common';

// Read by each app's global auth guard: routes carrying it skip authentication.
export const PUBLIC_ROUTE = 'qbm:public-route';

export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
