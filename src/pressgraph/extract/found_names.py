"""The names found so far in one document, indexed by token (issue 12).

``find_names`` looked up "the names overlapping these tokens", "the name ending at this
token" by scanning every name found so far, at every name it added: time grew with the
square of the document's length. :class:`FoundNames` is the same dict (token span ->
name, in insertion order) with indexes kept up to date on every ``found[k] = n`` and
``del found[k]``; its lookups answer in the order a scan of the dict would.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pressgraph.extract.clusters import Name

Key = tuple[int, int]


class FoundNames(dict[Key, Name]):
    """Names by token span [start, end), with indexes by token and by end. Only item
    assignment and ``del`` may change it (``update``, ``pop`` would bypass the indexes)."""

    def __init__(self) -> None:
        super().__init__()
        self._order: dict[Key, int] = {}  # insertion rank, as the dict iterates
        self._rank = 0
        self._at: dict[int, dict[Key, None]] = {}  # token -> spans covering it
        self._by_end: dict[int, dict[Key, None]] = {}  # end -> spans, in insertion order
        self._by_start: dict[int, dict[Key, None]] = {}  # start -> spans, in insertion order

    def __setitem__(self, key: Key, value: Name) -> None:
        if key not in self:
            self._order[key] = self._rank
            self._rank += 1
            for i in range(key[0], key[1]):
                self._at.setdefault(i, {})[key] = None
            self._by_end.setdefault(key[1], {})[key] = None
            self._by_start.setdefault(key[0], {})[key] = None
        super().__setitem__(key, value)

    def __delitem__(self, key: Key) -> None:
        super().__delitem__(key)
        del self._order[key]
        for i in range(key[0], key[1]):
            del self._at[i][key]
        del self._by_end[key[1]][key]
        del self._by_start[key[0]][key]

    def overlapping(self, start: int, end: int) -> list[Key]:
        """The spans sharing a token with [start, end), in insertion order (as
        ``[k for k in found if k[0] < end and start < k[1]]``, spans being non-empty)."""
        keys = {k for i in range(start, end) for k in self._at.get(i, ())}
        return sorted(keys, key=self._order.__getitem__)

    def ending_at(self, end: int) -> list[Key]:
        """The spans whose end is ``end``, in insertion order."""
        return list(self._by_end.get(end, ()))

    def starting_at(self, start: int) -> list[Key]:
        """The spans whose start is ``start``, in insertion order."""
        return list(self._by_start.get(start, ()))

    def last_tokens(self) -> LastTokens:
        """A live view: last token of each name (outlets left out) -> its first token."""
        return LastTokens(self)


class LastTokens(Mapping[int, int]):
    """``{k[1] - 1: k[0] for k, n in found.items() if not n.outlet}``, kept up to date
    instead of rebuilt (of several names ending at one token, the last inserted wins)."""

    def __init__(self, found: FoundNames) -> None:
        self._found = found

    def _first(self, last: object) -> int | None:
        if not isinstance(last, int):
            return None
        for key in reversed(self._found.ending_at(last + 1)):
            if not self._found[key].outlet:
                return key[0]
        return None

    def __getitem__(self, last: int) -> int:
        first = self._first(last)
        if first is None:
            raise KeyError(last)
        return first

    def __contains__(self, last: object) -> bool:
        return self._first(last) is not None

    def __iter__(self) -> Iterator[int]:
        return iter({k[1] - 1: None for k, n in self._found.items() if not n.outlet})

    def __len__(self) -> int:
        return sum(1 for _ in self)
