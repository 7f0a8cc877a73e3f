// Starts the guide's editor (Sveltia CMS, served from this folder) when the editor asks for it,
// so opening /admin/ by itself loads nothing more. Sveltia checks unpkg.com for updates and
// githubstatus.com for outages; those requests are refused here, so the editor talks only to
// this site and to the GitHub API. See CONTRIBUTING.md, "Editing in the browser (CMS)".
const ALLOWED_ORIGINS = [location.origin, "https://api.github.com"];

function openEditor() {
  const siteFetch = window.fetch.bind(window);
  window.fetch = (resource, options) => {
    const url = new URL(resource instanceof Request ? resource.url : String(resource), location.href);
    if (!ALLOWED_ORIGINS.includes(url.origin)) {
      return Promise.reject(new TypeError(`The guide's editor does not contact ${url.origin}`));
    }
    return siteFetch(resource, options);
  };
  document.querySelector("main").remove();
  const script = document.createElement("script");
  script.src = "sveltia-cms.js";
  document.head.append(script);
}

const button = document.getElementById("open-editor");
button.addEventListener("click", openEditor);
button.hidden = false;
document.getElementById("needs-script").hidden = true; // shown without JavaScript: pages hold no <noscript>
