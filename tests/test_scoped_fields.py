"""Relation fields of every form and serializer are scoped to the organisation.

A field that references organisation-owned rows, organisations or users must come from a class using
OrganisationScopedFormMixin or OrganisationScopedSerializerMixin. Bound to organisation A, such a field rejects
another organisation's id with the same error as an id that does not exist, and accepts A's own id.
"""

import importlib
import inspect
import pkgutil
import uuid
from pathlib import Path

import pytest
from django import forms
from django.db import models
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, RelatedField

from organisations.models import Invitation, Organisation
from organisations.roles import Role
from organisations.scoping import OrganisationScopedFormMixin, OrganisationScopedSerializerMixin, is_scoped_model
from organisations.tenancy import OrganisationOwnedModel
from tests.factories import OrganisationFactory, member
from tests.isolation import fixtures as isolation_fixtures
from tests.isolation.world import World

PROJECT_APPS = ("accounts", "organisations", "services", "records", "dpia", "reports")
REPO_ROOT = Path(__file__).resolve().parents[1]

# Forms and serializers that cannot be built generically, with the reason and the test that proves their relation
# fields are scoped: {"app.module.ClassName": ("reason", "tests/path/test_file.py::test_name")}.
BUILT_ELSEWHERE = {}

fast_password_hashing = isolation_fixtures.fast_password_hashing
worlds = isolation_fixtures.worlds


def _project_modules():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or ".tests" in info.name:
                continue
            yield importlib.import_module(info.name)


def _is_concrete(cls):
    if issubclass(cls, forms.BaseModelForm):
        return cls._meta.model is not None
    if issubclass(cls, serializers.ModelSerializer):
        return hasattr(cls, "Meta")
    return not inspect.isabstract(cls)


def project_form_and_serializer_classes():
    """Return {dotted path: class} for every Form, ModelForm and Serializer defined in the project's apps."""
    found = {}
    for module in _project_modules():
        for obj in vars(module).values():
            if not isinstance(obj, type) or obj.__module__ != module.__name__:
                continue
            if issubclass(obj, (forms.BaseForm, serializers.BaseSerializer)) and _is_concrete(obj):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


CLASSES = project_form_and_serializer_classes()


def _is_serializer(cls):
    return issubclass(cls, serializers.BaseSerializer)


def _uses_mixin(cls):
    return issubclass(cls, (OrganisationScopedFormMixin, OrganisationScopedSerializerMixin))


def build(cls, world, **bound):
    """Instantiate `cls` for organisation A, trying the keyword arguments project forms take."""
    organisation = world["organisation"]
    if _is_serializer(cls):
        return cls(context={"organisation": organisation}, **bound)
    actor = world["members"][Role.OWNER]
    attempts = [
        {"organisation": organisation},
        {"organisation": organisation, "actor": actor},
        {"organisation": organisation, "user": actor},
    ]
    if not issubclass(cls, OrganisationScopedFormMixin):
        attempts = [{}, {"actor": actor}, {"user": actor}, *attempts]
    errors = []
    for kwargs in attempts:
        try:
            return cls(**kwargs, **bound)
        except TypeError as error:
            errors.append(f"{sorted(kwargs)}: {error}")
    raise TypeError(f"{cls.__qualname__} could not be built with any of: {'; '.join(errors)}")


def relation_fields(instance):
    """Return {field name: (model, lookup field, many)} for the writable relation fields of a form or serializer."""
    relations = {}
    for name, field in instance.fields.items():
        if isinstance(field, forms.ModelChoiceField):
            if field.queryset is not None:
                many = isinstance(field, forms.ModelMultipleChoiceField)
                relations[name] = (field.queryset.model, field.to_field_name or "pk", many)
            continue
        if getattr(field, "read_only", False):
            continue
        relation = field.child_relation if isinstance(field, ManyRelatedField) else field
        if isinstance(relation, RelatedField) and relation.queryset is not None:
            lookup = getattr(relation, "slug_field", None) or getattr(relation, "pk_field", None) or "pk"
            if not isinstance(lookup, str):
                lookup = "pk"
            relations[name] = (relation.queryset.model, lookup, isinstance(field, ManyRelatedField))
    return relations


def _row_of(model, organisation, world):
    if issubclass(model, OrganisationOwnedModel):
        return model._base_manager.filter(organisation=organisation).order_by("pk").first()
    if issubclass(model, Organisation):
        return organisation
    return world["members"][Role.VIEWER]


def _missing_value(model, lookup):
    if lookup != "pk":
        return f"no-such-{uuid.uuid4().hex[:8]}"
    if isinstance(model._meta.pk, models.UUIDField):
        return str(uuid.uuid4())
    last = model._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0
    return last + 100_000


def _field_error(cls, world, name, value, many):
    data = {name: [value] if many else value}
    instance = build(cls, world, data=data)
    instance.is_valid()
    errors = instance.errors.get(name)
    if errors is None:
        return None
    return str(errors).replace(str(value), "<value>")


def _declares_relations(cls):
    """Return whether the class body or its declared fields mention a relation field or a queryset."""
    declared = getattr(cls, "base_fields", None) or getattr(cls, "_declared_fields", {})
    if any(isinstance(field, (forms.ModelChoiceField, RelatedField, ManyRelatedField)) for field in declared.values()):
        return True
    if issubclass(cls, (forms.BaseModelForm, serializers.ModelSerializer)):
        return True
    source = inspect.getsource(cls)
    return any(word in source for word in ("queryset", "ModelChoiceField", "RelatedField"))


def scoped_relations(cls, world):
    """Return {field name: (model, lookup, many)} of the relation fields of `cls` that reference scoped models."""
    try:
        instance = build(cls, world)
    except TypeError:
        # NOTE: a class whose __init__ needs arguments the test cannot guess is inspected from its declared
        # fields and source only. List it in BUILT_ELSEWHERE if it adds relation fields at run time.
        if _declares_relations(cls):
            raise
        return {}
    return {name: spec for name, spec in relation_fields(instance).items() if is_scoped_model(spec[0])}


def scoping_failures(cls, world):
    """Return a list of failures of `cls`: unscoped relation fields, or foreign ids rejected unlike missing ones.

    `world` must come from build_world(populate_other=True).
    """
    path = f"{cls.__module__}.{cls.__qualname__}"
    relations = scoped_relations(cls, world)
    if not relations:
        return []
    if not _uses_mixin(cls):
        return [
            f"{path} has relation fields {', '.join(sorted(relations))} to organisation data but does not use "
            "OrganisationScopedFormMixin / OrganisationScopedSerializerMixin."
        ]

    failures = []
    other = world.other
    for name, (model, lookup, many) in relations.items():
        foreign = _row_of(model, other["organisation"], other)
        own = _row_of(model, world["organisation"], world)
        if foreign is None or own is None:
            failures.append(
                f"{path}.{name}: organisation A or B owns no {model._meta.label} row; "
                "create one in tests/isolation/world_<app>.py."
            )
            continue
        foreign_error = _field_error(cls, world, name, getattr(foreign, lookup), many)
        missing_error = _field_error(cls, world, name, _missing_value(model, lookup), many)
        own_error = _field_error(cls, world, name, getattr(own, lookup), many)
        if foreign_error is None:
            failures.append(f"{path}.{name} accepted another organisation's {model._meta.label}.")
        elif foreign_error != missing_error:
            failures.append(
                f"{path}.{name} rejects another organisation's id with a different error than a missing one: "
                f"{foreign_error!r} differs from {missing_error!r}."
            )
        if own_error is not None:
            failures.append(f"{path}.{name} rejected organisation A's own {model._meta.label}: {own_error}")
    return failures


def test_discovery_finds_project_forms():
    assert "organisations.forms.OrganisationCreateForm" in CLASSES


@pytest.mark.parametrize("path", sorted(set(CLASSES) - set(BUILT_ELSEWHERE)))
def test_relation_fields_scoped(path, request, db, fast_password_hashing):
    cls = CLASSES[path]
    probe = World("probe")
    probe["organisation"] = OrganisationFactory()
    probe["members"] = dict.fromkeys(Role, member(probe["organisation"], Role.OWNER))
    if not scoped_relations(cls, probe):
        return
    # Only classes with scoped relation fields pay for the two full worlds.
    failures = scoping_failures(cls, request.getfixturevalue("worlds"))

    assert not failures, "\n".join(failures)


def test_listed_exceptions_have_own_tests():
    for path, (reason, test_id) in BUILT_ELSEWHERE.items():
        test_file, _, test_name = test_id.partition("::")

        assert path in CLASSES, f"{path} is listed in BUILT_ELSEWHERE but no longer exists."
        assert reason.strip(), f"{path} is listed in BUILT_ELSEWHERE without a reason."
        assert f"def {test_name}(" in (REPO_ROOT / test_file).read_text(), f"{test_id} for {path} does not exist."


class UnscopedOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all())


class RescopedInvitationForm(OrganisationScopedFormMixin, forms.Form):
    invitation = forms.ModelChoiceField(queryset=Invitation.objects.all())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = Invitation.objects.all()


class ScopedInvitationsSerializer(OrganisationScopedSerializerMixin, serializers.Serializer):
    invitations = serializers.PrimaryKeyRelatedField(queryset=Invitation.objects.all(), many=True)


def test_checks_report_form_without_mixin(worlds):
    failures = scoping_failures(UnscopedOrganisationForm, worlds)

    assert len(failures) == 1
    assert "does not use OrganisationScopedFormMixin" in failures[0]


def test_checks_report_foreign_id_accepted(worlds):
    failures = scoping_failures(RescopedInvitationForm, worlds)

    assert failures == [
        "tests.test_scoped_fields.RescopedInvitationForm.invitation accepted another organisation's "
        "organisations.Invitation."
    ]


def test_checks_pass_scoped_serializer(worlds):
    assert scoping_failures(ScopedInvitationsSerializer, worlds) == []
