// The page is complete without this script: it shows every image at once. The script
// turns each step's images into one view at a time (expected, actual, diff, side by side,
// slider) and drives the slider's clip from its range input.
(() => {
  "use strict";

  const showMode = (viewer, mode) => {
    viewer.dataset.mode = mode;
    for (const button of viewer.querySelectorAll(".view-mode")) {
      button.setAttribute("aria-pressed", String(button.dataset.mode === mode));
    }
    for (const pane of viewer.querySelectorAll(".pane")) {
      const sideBySide = mode === "side-by-side" && pane.dataset.sideBySide === "true";
      pane.hidden = !(sideBySide || pane.dataset.role === mode);
    }
    const slider = viewer.querySelector(".slider");
    viewer.querySelector(".panes").hidden = mode === "slider";
    if (slider) slider.hidden = mode !== "slider";
  };

  const connectSlider = (slider) => {
    const stage = slider.querySelector(".slider-stage");
    const range = slider.querySelector("input[type=range]");
    const follow = () => {
      const expected = Number(range.value);
      stage.style.setProperty("--split", `${expected}%`);
      range.setAttribute("aria-valuetext", `${expected}% expected, ${100 - expected}% actual`);
    };
    range.addEventListener("input", follow);
    follow();
  };

  for (const viewer of document.querySelectorAll(".viewer")) {
    const modes = viewer.querySelector(".view-modes");
    if (modes) {
      modes.hidden = false;
      modes.addEventListener("click", (event) => {
        const button = event.target.closest(".view-mode");
        if (button) showMode(viewer, button.dataset.mode);
      });
    }
    const slider = viewer.querySelector(".slider");
    if (slider) connectSlider(slider);
    showMode(viewer, viewer.dataset.defaultMode);
  }
})();
