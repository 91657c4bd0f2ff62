// Progressive enhancement for reading lists: drag-and-drop reordering and a copy-link button.
// Without this file, "Move up"/"Move down" and the plain link field do the same work.
(function () {
    "use strict";

    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var field = document.querySelector(button.dataset.copy);
        if (!field || !navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(field.value).then(function () {
                // The template renders the translated label; the English one is the fallback.
                button.textContent = button.dataset.copied || "Link copied";
            });
        });
    });

    var form = document.getElementById("reorder-form");
    var lists = document.querySelectorAll(".readings--editable");
    if (!form || !lists.length) {
        return;
    }
    var dragged = null;

    function submitOrder() {
        var order = [];
        lists.forEach(function (list) {
            list.querySelectorAll("[data-item]").forEach(function (item) {
                order.push({ item: Number(item.dataset.item), section: list.dataset.section ? Number(list.dataset.section) : null });
            });
        });
        form.elements.order.value = JSON.stringify(order);
        form.submit();
    }

    lists.forEach(function (list) {
        list.addEventListener("dragover", function (event) {
            if (!dragged) {
                return;
            }
            event.preventDefault();
            var after = null;
            list.querySelectorAll("[data-item]").forEach(function (item) {
                var box = item.getBoundingClientRect();
                if (after === null && event.clientY < box.top + box.height / 2 && item !== dragged) {
                    after = item;
                }
            });
            list.insertBefore(dragged, after);
        });
        list.addEventListener("drop", function (event) {
            event.preventDefault();
            submitOrder();
        });
    });
    document.querySelectorAll("[data-item]").forEach(function (item) {
        item.addEventListener("dragstart", function (event) {
            dragged = item;
            item.classList.add("reading--dragging");
            event.dataTransfer.effectAllowed = "move";
        });
        item.addEventListener("dragend", function () {
            item.classList.remove("reading--dragging");
            dragged = null;
        });
    });
}());
