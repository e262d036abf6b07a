import { DynamicModule, Module } from '@nestjs/common';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { TokenService } from './token.service';

// Provides TokenService everywhere. The app registers AuthGuard itself (APP_GUARD), since guard order is its call.
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, TokenService],
      exports: [TokenService],
    };
  }
}
