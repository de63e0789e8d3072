"""The capture engine: walks articles' steps in Chromium and photographs each one.

It imports neither MkDocs nor the CLI; the plugin and the CLI both call into it.
"""
