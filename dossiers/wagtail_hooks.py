from wagtail import hooks

from dossiers import privacy
from dossiers.admin import register_support_viewset
from dossiers.demo import load_dossier_demo

# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)
hooks.register("retention_rules", privacy.retention_rules)

# The Heukelum resident's dike dossier, shared with the board of Heukelum (after the boards).
hooks.register("demo_steps", load_dossier_demo, order=85)

# Dossiers in the admin for support, only with DOSSIER_SUPPORT_ACCESS on (logged).
hooks.register("register_admin_viewset", register_support_viewset)
