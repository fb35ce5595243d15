// jinzhan search page: queries the Pagefind index built with the site.
// /search/?q=… opens with results, so a search can be linked. Result text
// comes from Pagefind's excerpts, kept to plain text and <mark> only.
(function () {
  "use strict";
  var form = document.querySelector("form.search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var latest = 0;

  function say(text) { status.textContent = text; }

  // excerpt copies Pagefind's excerpt HTML as text nodes and <mark>s only.
  function excerpt(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var p = document.createElement("p");
    p.className = "search-excerpt";
    doc.body.firstChild.childNodes.forEach(function (n) {
      if (n.nodeType === Node.TEXT_NODE) {
        p.appendChild(document.createTextNode(n.textContent));
      } else if (n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        p.appendChild(m);
      } else {
        p.appendChild(document.createTextNode(n.textContent));
      }
    });
    return p;
  }

  function show(items, query) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = (item.meta && item.meta.title) || item.url;
      li.appendChild(a);
      li.appendChild(excerpt(item.excerpt || ""));
      list.appendChild(li);
    });
    say(items.length ? form.dataset.count.replace("%d", items.length).replace("%s", query) : form.dataset.none.replace("%s", query));
  }

  async function run(query) {
    query = query.trim();
    var mine = ++latest;
    var url = query ? "?q=" + encodeURIComponent(query) : location.pathname;
    history.replaceState(null, "", url);
    if (!query) { list.textContent = ""; say(""); return; }
    if (!pagefind) { say(form.dataset.unavailable); return; }
    say(form.dataset.busy);
    var search = await pagefind.search(query);
    var items = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    if (mine === latest) show(items, query);
  }

  async function start() {
    try {
      pagefind = await import("/pagefind/pagefind.js");
      await pagefind.options({ excerptLength: 40 });
    } catch (e) {
      pagefind = null;
    }
    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;
    form.addEventListener("submit", function (e) { e.preventDefault(); run(input.value); });
    var pending;
    input.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { run(input.value); }, 250);
    });
    if (query) run(query);
    else if (!pagefind) say(form.dataset.unavailable);
  }
  start();
})();
