// Entry of core/content-core.js, a classic script for the content script's world: content
// scripts cannot be modules, so the glue, the instantiation and the settings are bundled.
import * as glue from 'lg-glue';
import { instantiate, embeddedModule } from '../instantiate.js';
import * as settings from '../settings.js';

globalThis.LifetimeGuard = { glue, instantiate, embeddedModule, settings };
