// Starts GOV.UK Frontend's components (error summary focus, service navigation menu, and so on).
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();

import { initTimeoutWarning } from '/js/timeout-warning.mjs';

initTimeoutWarning(document.querySelector('[data-module="app-timeout-warning"]'));
