#!/bin/sh
echo "Resetting the staging data"
echo "connecting to the database"
echo "ERROR: database is locked" >&2
exit 3
