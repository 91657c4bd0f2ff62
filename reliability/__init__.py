"""Fault drills: a bounded HTTP load generator and the scripted outages that docs/reliability.md reports."""
