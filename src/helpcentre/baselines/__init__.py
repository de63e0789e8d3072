"""Baselines: the committed step pictures under screenshots/, and what capture recorded beside them.

- `paths`: where each step's files live;
- `shot`: the shot record a walk hands over, and the boxes on its picture;
- `manifest`: screenshots/manifest.json, typed;
- `store`: reading and writing an article's baselines, every write atomic;
- `png_files`: whether a file is a whole PNG, and its size;
- `publish`, `image_work`, `step_pictures`: the published copy, the optimised raw shot, and the
  phone crop and alt text the site serves.

Below the engine: it imports nothing of capture, verify, lint or the site, so each can read it.
"""
