// The page: one <roilens-dashboard> filling the window (web/components/roilens-dashboard.js holds
// the whole interface). What belongs to the page rather than to the element lives here.
import './components/roilens-dashboard.js';

const dashboard = document.querySelector('roilens-dashboard');

// The document's language follows the dashboard's (its toggle sets the element's lang attribute).
function followLanguage() {
  document.documentElement.lang = dashboard.getAttribute('lang') || 'en';
}
new MutationObserver(followLanguage).observe(dashboard, { attributes: true, attributeFilter: ['lang'] });
followLanguage();

// A file dropped outside the drop zone must not make the browser navigate away from the page.
// (The page owns the whole window; an embedding site decides this for itself.)
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());
