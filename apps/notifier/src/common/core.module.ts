import { type DynamicModule, Global, Module } from '@nestjs/common';
import { NotifierConfig } from '../config/notifier.config';
import { DELIVERY_SETTINGS, ROUTING_CONFIG } from '../config/notifier.tokens';

// The parsed configuration, and the parts of it providers inject on their own.
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: NotifierConfig): DynamicModule {
    const routing = config.routing;
    if (!routing)
      throw new Error('The notifier service needs its routing configuration (NotifierConfig role "server")');
    return {
      module: CoreModule,
      providers: [
        { provide: NotifierConfig, useValue: config },
        { provide: ROUTING_CONFIG, useValue: routing },
        { provide: DELIVERY_SETTINGS, useValue: config.delivery },
      ],
      exports: [NotifierConfig, ROUTING_CONFIG, DELIVERY_SETTINGS],
    };
  }
}
