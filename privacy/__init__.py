"""Personal data (AVG): the registry of what every app stores (``registry``, filled through the
``privacy_data`` and ``retention_rules`` hooks), "mijn gegevens" for people without an account
(``mydata``), links e-mailed to an address (``emaillinks``, ``EmailLink``) and the daily purge
of what is past its retention period (``tasks``, ``manage.py purge_personal_data``)."""
