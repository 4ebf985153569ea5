from wagtail import hooks

from privacy import sources

hooks.register("privacy_data", sources.privacy_data)
hooks.register("retention_rules", sources.retention_rules)
