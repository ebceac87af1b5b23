// Starts GOV.UK Frontend's components (error summary focus, service navigation menu, and so on).
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();
