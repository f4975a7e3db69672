from django.contrib.auth.management import create_permissions
from django.db import migrations

ANALYST_PERMISSIONS = {
    "organization": ["add", "change", "delete", "view"],
    "expert": ["add", "change", "delete", "view"],
    "source": ["add", "change", "delete", "view"],
    "claim": ["add", "change", "delete", "view"],
    "question": ["add", "change", "view"],
    "tag": ["add", "change", "view"],
    "forecast": ["change", "view"],
    "stancemodel": ["view"],
    "calibrationreport": ["add", "view"],
}
RESOLVER_EXTRA = ["resolve_question"]


def ensure_permissions(apps) -> None:
    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor) -> None:
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in ANALYST_PERMISSIONS.items() for action in actions]
    analyst_perms = list(Permission.objects.filter(content_type__app_label="forecasts", codename__in=codenames))
    analyst, _ = Group.objects.get_or_create(name="analyst")
    analyst.permissions.set(analyst_perms)
    resolver, _ = Group.objects.get_or_create(name="resolver")
    resolver_perms = analyst_perms + list(
        Permission.objects.filter(content_type__app_label="forecasts", codename__in=RESOLVER_EXTRA)
    )
    resolver.permissions.set(resolver_perms)


def remove_groups(apps, schema_editor) -> None:
    apps.get_model("auth", "Group").objects.filter(name__in=["analyst", "resolver"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
