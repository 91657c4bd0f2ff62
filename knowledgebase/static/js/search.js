// Progressive enhancement for the search page: it works fully without this file.
(function () {
    "use strict";
    // Ticking a facet applies it at once; the "Apply filters" button remains for keyboard and no-JS use.
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
        form.addEventListener("change", function (event) {
            if (event.target.matches("input[type=checkbox]")) {
                form.submit();
            }
        });
    });
    var sort = document.getElementById("search-sort");
    if (sort) {
        sort.addEventListener("change", function () { sort.form.submit(); });
    }
    // Title suggestions while typing, through the autocomplete API and a native datalist.
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-suggestions");
    if (!input || !list || !window.fetch) {
        return;
    }
    var timer = null;
    input.addEventListener("input", function () {
        clearTimeout(timer);
        var prefix = input.value.trim();
        if (prefix.length < 2) {
            return;
        }
        timer = setTimeout(function () {
            fetch(input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(prefix))
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) {
                    list.replaceChildren.apply(list, data.results.map(function (item) {
                        var option = document.createElement("option");
                        option.value = item.title;
                        return option;
                    }));
                })
                .catch(function () { /* suggestions are optional */ });
        }, 200);
    });
}());
