from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tools: ``generate_site``, the runner (``make bench``) and the load test
    (``make load``). The top of the import chain: it may import every other app."""

    name = "bench"
    verbose_name = "Benchmark"
    default_auto_field = "django.db.models.BigAutoField"
