from wagtail import hooks

from search import privacy

# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("retention_rules", privacy.retention_rules)
