from django import template

from ..roles import role_at_least

register = template.Library()


@register.filter
def has_role(membership, role):
    """Return whether `membership` grants `role` or more; usage: {% if membership|has_role:"admin" %}."""
    if membership is None:
        return False
    return role_at_least(membership.role, role)
