"""What coreference has read so far: the salience of each entity, sentence after sentence.

:class:`Salience` keeps the mentions read (by sentence and token) and the subjects of
sentences, so that a description or a pronoun finds its antecedent among the recent
mentions (:meth:`Salience.recent`) and the document's topic is known
(:meth:`Salience.topic`); every lookup walks back over a bounded window of sentences.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pressgraph.extract.clusters import Cluster

__all__ = ["WINDOW_SENTENCES", "Salience"]


#: Sentences back that coreference looks for an antecedent or a topic: more than any press
#: article has, so that only a text of book length (or a hostile one) meets the bound, which
#: keeps each lookup's cost independent of the length of the document.
WINDOW_SENTENCES = 200


@dataclass(slots=True)
class _Subjects:
    """Per cluster, its mentions as the subject of a sentence: how many, the token of the
    first one read and of the latest one, and the order in which it was first read."""

    cluster: Cluster
    count: int
    first: int
    latest: int
    rank: int


@dataclass(slots=True)
class Salience:
    """What has been read so far: mentions per sentence, and subjects of claims.

    Mentions arrive sentence after sentence (a sentence's in any token order); every
    lookup is bounded: :meth:`recent` and :meth:`topics` walk back from the lookup point,
    lazily, over the mentions of the last :data:`WINDOW_SENTENCES` sentences only, and
    :meth:`topic` reads per-cluster counts kept up to date as mentions arrive."""

    mentions: list[tuple[int, int, Cluster, bool]] = field(default_factory=list)
    # (sentence index, token index, cluster, is a subject)
    possessed: dict[str, Cluster] = field(default_factory=dict)  # noun lemma -> its possessor
    window: int = WINDOW_SENTENCES
    # (token, -order, sentence, cluster) ascending: walked backwards by recency.
    _by_token: list[tuple[int, int, int, Cluster]] = field(default_factory=list)
    # (sentence, token, -order, cluster) of subject mentions ascending.
    _by_sentence: list[tuple[int, int, int, Cluster]] = field(default_factory=list)
    # Subject mentions of the sentence being read, counted once it is over.
    _pending: list[tuple[int, int, Cluster]] = field(default_factory=list)
    _stats: dict[int, _Subjects] = field(default_factory=dict)
    _by_count: dict[int, dict[int, _Subjects]] = field(default_factory=dict)
    _max_count: int = 0

    def add(self, sent_index: int, token: int, cluster: Cluster, subject: bool) -> None:
        order = len(self.mentions)
        self.mentions.append((sent_index, token, cluster, subject))
        insort(self._by_token, (token, -order, sent_index, cluster), key=_mention_key)
        if subject:
            insort(self._by_sentence, (sent_index, token, -order, cluster), key=_mention_key)
            if self._pending and self._pending[0][0] != sent_index:
                self._count_pending()
            self._pending.append((sent_index, token, cluster))

    def _count_pending(self) -> None:
        for _, token, cluster in self._pending:
            key = id(cluster)
            stats = self._stats.get(key)
            if stats is None:
                stats = self._stats[key] = _Subjects(cluster, 0, token, token, len(self._stats))
            else:
                self._by_count[stats.count].pop(key)
                stats.latest = max(stats.latest, token)
            stats.count += 1
            self._by_count.setdefault(stats.count, {})[key] = stats
            self._max_count = max(self._max_count, stats.count)
        self._pending.clear()

    def _oldest_sentence(self) -> int:
        last = self.mentions[-1][0] if self.mentions else 0
        return last - self.window

    def recent(self, before: int) -> Iterator[Cluster]:
        """Clusters by recency of their latest mention before token ``before`` (within the
        window), lazily."""
        return self._latest_first(self._by_token, before, sentence_at=2)

    def topics(self, sent_index: int) -> Iterator[Cluster]:
        """Clusters that were subjects of the latest sentences, most recent first, lazily."""
        return self._latest_first(self._by_sentence, sent_index, sentence_at=0)

    def _latest_first(
        self, mentions: list[tuple[int, int, int, Cluster]], before: int, *, sentence_at: int
    ) -> Iterator[Cluster]:
        """Each cluster once, walking ``mentions`` (sorted on their first field) back from
        the first one at or after ``before``, down to the window's oldest sentence (the
        field ``sentence_at`` of a mention)."""
        seen: set[int] = set()
        oldest = self._oldest_sentence()
        i = bisect_left(mentions, before, key=_token_key)
        while i > 0:
            i -= 1
            *numbers, cluster = mentions[i]
            if numbers[sentence_at] < oldest:
                break
            if id(cluster) not in seen:
                seen.add(id(cluster))
                yield cluster

    def topic(self, sent_index: int, keep: Callable[[Cluster], bool]) -> tuple[int, Cluster] | None:
        """The cluster ``keep`` accepts most often the subject of a sentence before
        ``sent_index`` (the one first read as a subject on a tie), with the token of its
        latest such mention."""
        if self._pending and self._pending[0][0] < sent_index:
            self._count_pending()
        for count in range(self._max_count, 0, -1):
            best = min(
                (st for st in self._by_count.get(count, {}).values() if keep(st.cluster)),
                key=lambda st: (st.first, st.rank),
                default=None,
            )
            if best is not None:
                return best.latest, best.cluster
        return None


def _mention_key(m: tuple[int, int, int, Cluster]) -> tuple[int, int, int]:
    return m[0], m[1], m[2]


def _token_key(m: tuple[int, int, int, Cluster]) -> int:
    return m[0]
