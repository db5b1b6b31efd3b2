"""Building the POST data an admin change form would send, from the page Django rendered."""


def form_data(form) -> dict:
    data = {}
    for bound_field in form:
        value = bound_field.value()
        if isinstance(value, bool):
            if value:  # an unchecked checkbox sends nothing
                data[bound_field.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound_field.html_name] = [str(item) for item in value]
        else:
            data[bound_field.html_name] = "" if value is None else str(value)
        if bound_field.field.show_hidden_initial and bound_field.html_name in data:
            # Fields with a callable default post their initial value too, to detect changes.
            data[bound_field.html_initial_name] = data[bound_field.html_name]
    return data


def change_form_data(response) -> dict:
    """The admin form and every inline formset as currently shown, ready to post back."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for form in formset.forms:
            data.update(form_data(form))
    return data
