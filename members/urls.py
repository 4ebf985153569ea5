from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from members import account_data, views
from security.forms import LoginForm
from security.views import PasswordResetView

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="members/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        PasswordResetView.as_view(
            template_name="members/password_reset.html",
            email_template_name="emails/members_password_reset.txt",
            subject_template_name="emails/members_password_reset_subject.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="members/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="members/password_reset_confirm.html",
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-instellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="members/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("mijn-account/", views.account, name="members_account"),
    path("mijn-account/nieuwe-agendalink/", views.new_calendar_token, name="members_new_token"),
    path("mijn-account/mijn-gegevens.json", account_data.download, name="members_account_data"),
    path("mijn-account/verwijderen/", account_data.delete, name="members_account_delete"),
    path("mededeling-aan-besturen/", views.announce, name="members_announce"),
    path("besluit/<int:decision_id>/", views.decision, name="members_decision"),
    path("uitnodiging/<str:token>/", views.accept_invitation, name="members_invitation"),
    path(
        "kalender/<str:token>/<int:workspace_id>.ics",
        views.calendar_feed,
        name="members_calendar",
    ),
]
