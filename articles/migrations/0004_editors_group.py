from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"

# What an editor may do: tag on the site, and correct the import in the admin.
EDITOR_PERMISSIONS = [
    "tag_article",
    "view_article",
    "change_article",
    "view_actor",
    "add_actor",
    "change_actor",
    "view_country",
    "view_place",
    "add_tag",
    "change_tag",
    "view_tag",
    "add_mention",
    "change_mention",
    "view_mention",
    "add_quote",
    "change_quote",
    "view_quote",
    "change_relatedlink",
    "view_relatedlink",
    "view_bilateralrelation",
]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="articles", codename__in=EDITOR_PERMISSIONS)
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_curation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
