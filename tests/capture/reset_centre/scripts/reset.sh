#!/bin/sh
# Notes who asked and from where, then puts the count back as the request form would.
echo "$HELPCENTRE_TARGET $HELPCENTRE_ARTICLE $(pwd -P)" >> reset-marker.txt
echo "putting the scripted data back"
exec {python} -c 'import os, urllib.request; urllib.request.urlopen(urllib.request.Request(os.environ["HELPCENTRE_TARGET_URL"] + "reset", data=b""))'
