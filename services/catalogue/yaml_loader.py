"""YAML reading for catalogue data files: safe, strict about duplicate keys, and dates stay strings."""

import yaml


class CatalogueYamlError(ValueError):
    """A data file is not valid YAML. The message names the line and column."""


# The libyaml parser is several times faster; the pure-Python one is the fallback where libyaml is missing.
class _CatalogueLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Dates such as 2026-12-04 stay strings, because the schema describes them as strings in ISO format.
_CatalogueLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise CatalogueYamlError(
                f"duplicate key {key!r} at line {mark.line + 1}, column {mark.column + 1} "
                f"(first used at line {seen[key] + 1}); keep only one"
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_CatalogueLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text):
    """Parse one YAML document, raising CatalogueYamlError with the position of the problem."""
    try:
        return yaml.load(text, Loader=_CatalogueLoader)  # noqa: S506 - the loader derives from SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise CatalogueYamlError(f"{where}{error.problem or error}") from error
    except yaml.YAMLError as error:
        raise CatalogueYamlError(str(error)) from error
