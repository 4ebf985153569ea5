from django.urls import path

from dossiers import signup, views

app_name = "dossiers"

urlpatterns = [
    path("", views.index, name="index"),
    path("aanmelden/", signup.signup, name="signup"),
    path("aanmelden/verstuurd/", signup.sent, name="signup_sent"),
    path("bevestigen/<str:token>/", signup.confirm, name="confirm"),
    path("<int:dossier_id>/", views.dossier, name="dossier"),
    path("<int:dossier_id>/toevoegen/", views.add_item, name="add_item"),
    path("<int:dossier_id>/stukken/<int:item_id>/", views.item, name="item"),
    path("<int:dossier_id>/stukken/<int:item_id>/bestand/", views.item_file, name="item_file"),
    path(
        "<int:dossier_id>/stukken/<int:item_id>/verwijderen/",
        views.delete_item,
        name="delete_item",
    ),
    path("<int:dossier_id>/delen/", views.shares, name="shares"),
    path("<int:dossier_id>/delen/<int:share_id>/stoppen/", views.revoke, name="revoke"),
    path("<int:dossier_id>/inzage/", views.log, name="log"),
]
