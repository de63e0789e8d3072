// Progressive enhancement for the sandbox: every control also works without this file
// (menus and dialogs fall back to pages of their own). No animations, no timers.
"use strict";

function setUpMenu(menu) {
  const button = menu.querySelector("[aria-haspopup='menu']");
  const list = menu.querySelector("[role='menu']");
  const items = () => Array.from(list.querySelectorAll("[role='menuitem']"));

  function open(focusIndex) {
    list.hidden = false;
    button.setAttribute("aria-expanded", "true");
    const all = items();
    if (focusIndex !== undefined && all.length) all[(focusIndex + all.length) % all.length].focus();
  }
  function close(returnFocus) {
    list.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  }
  const isOpen = () => !list.hidden;

  button.addEventListener("click", (event) => {
    event.preventDefault(); // without JavaScript the button goes to the Setup page instead
    if (isOpen()) close(false);
    else open(event.detail === 0 ? 0 : undefined); // from the keyboard (Enter, Space): focus the first item
  });
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      open(0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      open(-1);
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = items();
    const index = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown") { event.preventDefault(); all[(index + 1) % all.length].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); all[(index - 1 + all.length) % all.length].focus(); }
    else if (event.key === "Home") { event.preventDefault(); all[0].focus(); }
    else if (event.key === "End") { event.preventDefault(); all[all.length - 1].focus(); }
    else if (event.key === "Escape") { event.preventDefault(); close(true); }
    else if (event.key === "Tab") { close(false); }
    else if (event.key === " ") { event.preventDefault(); document.activeElement.click(); }
  });
  document.addEventListener("click", (event) => {
    if (isOpen() && !menu.contains(event.target)) close(false);
  });
}

function setUpDialogOpener(form) {
  const dialog = document.getElementById(form.dataset.opensDialog);
  if (!dialog) return; // no dialog on this page: the form goes to the page of its own
  const button = form.querySelector("button");
  button.setAttribute("aria-haspopup", "dialog");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    openDialog(dialog);
  });
}

function openDialog(dialog) {
  dialog.showModal();
  const target = dialog.querySelector("[aria-invalid='true']")
    || dialog.querySelector("[role='tabpanel']:not([hidden]) input:not([type='hidden']), [role='tabpanel']:not([hidden]) select")
    || dialog.querySelector(".dialog-body input:not([type='hidden']), .dialog-body select, .dialog-body textarea");
  if (target) target.focus();
}

function setUpTabs(container) {
  const tabs = Array.from(container.querySelectorAll(":scope > [role='tablist'] > [role='tab']"));
  function select(tab, focus) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) tab.focus();
  }
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", (event) => {
      event.preventDefault(); // without JavaScript the tab is a link to the page showing it
      select(tab, true);
    });
    tab.addEventListener("keydown", (event) => {
      let next = null;
      if (event.key === "ArrowRight") next = tabs[(index + 1) % tabs.length];
      else if (event.key === "ArrowLeft") next = tabs[(index - 1 + tabs.length) % tabs.length];
      else if (event.key === "Home") next = tabs[0];
      else if (event.key === "End") next = tabs[tabs.length - 1];
      else if (event.key === " ") next = tab;
      if (next) { event.preventDefault(); select(next, true); }
    });
  });
}

function setUpSubmitOnce(form) {
  // The server refuses to pay twice anyway; this only spares a person the second round trip.
  form.addEventListener("submit", () => {
    const button = form.querySelector("button[type='submit']");
    if (button) window.requestAnimationFrame(() => { button.disabled = true; });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-menu]").forEach(setUpMenu);
  document.querySelectorAll("form[data-opens-dialog]").forEach(setUpDialogOpener);
  document.querySelectorAll("[data-tabs]").forEach(setUpTabs);
  document.querySelectorAll("form[data-submit-once]").forEach(setUpSubmitOnce);
  document.querySelectorAll("[data-close-dialog]").forEach((button) => {
    button.addEventListener("click", () => button.closest("dialog").close());
  });
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  const reopen = document.querySelector("dialog[data-open-on-load]");
  if (reopen) openDialog(reopen);
});
