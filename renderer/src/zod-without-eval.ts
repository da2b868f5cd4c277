import { z } from 'zod';

// Shared model modules bring zod schemas into the screens. zod probes for eval (`Function('')`)
// when a schema is built, which the page's CSP (script-src 'self') refuses and reports as a
// violation; jitless parsing never probes. Imported first by main.tsx, before any schema exists.
z.config({ jitless: true });
