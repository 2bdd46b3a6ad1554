"""A hard, in-memory corpus for shared-text detection: edited templates and near misses.

:mod:`benchmarks.corpus` writes letters whose copies of a template differ by a
sentence or two. Real replies differ far more: an office pastes a party's
text into a reply of its own, rewords it, or keeps a few paragraphs of it.
This module builds such letters (as :class:`dearconstituent.model.Letter`
objects, never files) together with the truth about where their text came
from, for ``benchmarks/bench_reuse.py``.

Every name is invented: members and constituencies come from
:func:`benchmarks.corpus.make_members`, places and organisations from the
made-up syllables below, policy texts from phrase banks.

**Template families.** Sizes are heavy-tailed (a Pareto draw: most families
have 2 to 10 letters, some 50 to 300, and a corpus of 3,000 letters or more
has one of several hundred). Each family has a base text of 5 to 12
paragraphs (about 250 to 600 words) on one topic, and is edited in one of
three ways, the kinds shared out in near-equal numbers among families of
similar size:

* **A, mixed**: the template's paragraphs, a few possibly dropped and the
  rest reordered for each letter, among the sender's own paragraphs, which
  make up 20 to 60% of the words between the greeting and the closing line;
* **B, reworded**: as A, then about 20% of the template's sentences are
  replaced by other sentences and about 20% of its words substituted,
  deleted or inserted, each letter edited independently;
* **C, trimmed**: 25 to 40% of the template's sentences, in order (in one to
  three runs, or scattered), with the sender's own text around them making
  up the rest of a letter about as long as the template.

**Negatives** (letters that belong to no family):

* **quoters**: own text on a topic, quoting the topic's ministerial statement
  (about 40 words), which some families' templates quote too;
* **bridges**: about a third of each of two templates (of the same topic when
  there is one), with little or no text of their own;
* **one-offs**: own text only, on a topic that families write about.

"Own text" is generated sentence by sentence from frames whose fixed words
are short runs between slots filled from large banks (places, numbers,
organisations, events), so two own texts rarely share a 5-word run beyond
the topic's own phrases ("the abolition of no-fault evictions").

The same ``letters`` and ``seed`` always give the same corpus: every choice
comes from one :class:`random.Random` seeded with a string.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from random import Random
from typing import Literal

from benchmarks.corpus import (
    CLOSINGS,
    GENERIC,
    LAST_DAY,
    NUMBERS,
    OPENINGS,
    PARLIAMENTS,
    PERSONAL,
    SYNONYMS,
    TOPICS,
    Member,
    Term,
    TopicBank,
    make_members,
    phrase_bank,
)
from dearconstituent.dates import LetterDate
from dearconstituent.model import Letter
from dearconstituent.slugs import slugify

__all__ = [
    "FAMILY_SHARE",
    "KINDS",
    "Kind",
    "NegativeKind",
    "ReuseCorpus",
    "Template",
    "family_sizes",
    "generate",
]

Kind = Literal["A", "B", "C"]
NegativeKind = Literal["quoter", "bridge", "one-off"]
KINDS: tuple[Kind, ...] = ("A", "B", "C")

FAMILY_SHARE = 0.75
"""Share of the letters that belong to template families; the rest are negatives."""
NEGATIVE_SHARES: tuple[tuple[NegativeKind, float], ...] = (
    ("quoter", 0.4),
    ("bridge", 0.1),
    ("one-off", 0.5),
)

OWN_SHARE = (0.22, 0.55)
"""Kinds A and B: the share of the words that are the sender's own (between the
greeting and the closing line), drawn uniformly; with whole sentences it lands
within 20 to 60%."""
REWORDED_WORDS = 0.2
REWORDED_SENTENCES = 0.2
TRIMMED_KEEP = (0.25, 0.40)
BRIDGE_QUOTE = (0.28, 0.38)
"""Share of each of its two templates' sentences a bridge quotes."""
STATEMENT_SHARE = 0.3
"""Share of templates that quote their topic's ministerial statement."""

# ---------------------------------------------------------------------------
# Filling frames


_SLOT = re.compile(r"\{(\w+)\}")


class _Frame:
    """A text with ``{slot}`` names, split once: literal, slot, literal, … literal."""

    __slots__ = ("parts",)

    def __init__(self, text: str) -> None:
        self.parts: tuple[str, ...] = tuple(_SLOT.split(text))


_Choice = str | _Frame
_Bank = tuple[_Choice, ...]


def _bank(entries: Sequence[str]) -> _Bank:
    return tuple(_Frame(entry) if "{" in entry else entry for entry in entries)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split(" "))


_PLACE_STEMS = _names(
    "Ashen Bramble Cinder Dunmar Elster Farrow Glinden Harrow Ilver Jessel Kimber Lanner "
    "Mallow Nettle Orrel Pennock Quarrel Rayle Sedge Tamber Ullan Vesper Wimble Yarrow "
    "Aldery Brocket Culver Dorrel Embry Fallow Gorse Hazel Inchley Juniper Kestle Lowen "
    "Marren Nightjar Oakle Plover"
)
_PLACE_TAILS = _names(
    "combe wick stead mouth thwaite hope field ford holme by ley worth bury ham cott "
    "ridge minster brook well dene"
)
_MONTH_NAMES = _names(
    "January February March April May June July August September October November December"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

_SPECIAL: dict[str, Callable[[Random], str]] = {
    **NUMBERS,
    "pct": lambda rng: str(rng.randint(3, 68)),
    "yr": lambda rng: str(rng.randint(2010, 2024)),
    "month": lambda rng: _MONTH_NAMES[int(rng.random() * 12)],
    "weekday": lambda rng: _WEEKDAYS[int(rng.random() * 6)],
    "place": lambda rng: (
        _PLACE_STEMS[int(rng.random() * len(_PLACE_STEMS))]
        + _PLACE_TAILS[int(rng.random() * len(_PLACE_TAILS))]
    ),
}


def _fill(rng: Random, frame: _Frame, banks: Mapping[str, _Bank]) -> str:
    parts = frame.parts
    out = [parts[0]]
    for index in range(1, len(parts), 2):
        name = parts[index]
        bank = banks.get(name)
        if bank is None:
            out.append(_SPECIAL[name](rng))
        else:
            choice = bank[int(rng.random() * len(bank))]
            out.append(choice if isinstance(choice, str) else _fill(rng, choice, banks))
        out.append(parts[index + 1])
    return "".join(out)


def _sentence(rng: Random, frames: _Bank, banks: Mapping[str, _Bank]) -> str:
    choice = frames[int(rng.random() * len(frames))]
    text = choice if isinstance(choice, str) else _fill(rng, choice, banks)
    return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return text.count(" ") + 1


# ---------------------------------------------------------------------------
# Phrase banks. Fixed words between slots are kept to short runs, so that two
# texts share a 5-word run only where they pick the same few choices.


_BANKS: dict[str, tuple[str, ...]] = {
    **GENERIC,
    **{
        key: phrase_bank(value)
        for key, value in {
            # --- the sender's own voice
            "when": "last week|last month|earlier this year|only recently|a few weeks ago|in "
            "{month}|on a recent {weekday}|over the summer|before Christmas|just after Easter"
            "|this autumn|in the spring|on {weekday} morning",
            "visited": "visited|spent a morning at|called in at|toured|dropped in to|was invited "
            "to|opened|spoke at",
            "venue": "a community centre|a primary school|the food bank|a GP surgery|a farm shop"
            "|a care home|the library|a youth club|a sports club|a village hall|the fire station"
            "|a church hall|a business park|a housing estate|the high street|a sixth-form college"
            "|the leisure centre|a family hub",
            "venues": "schools|care homes|surgeries|community groups|farms|businesses|charities"
            "|parish councils|youth clubs|libraries",
            "people": "volunteers|parents|staff|residents|shop owners|carers|young people"
            "|pensioners|nurses|teachers|local families|tenants|farmers|commuters|students"
            "|landlords|small employers|grandparents",
            "told_me_about": "spoke to me about|raised|described|explained|shared their "
            "experience of|talked me through|asked me about",
            "told_me": "told me|warned me|assured me|reminded me|let me know|explained",
            "has_made": "has made|is making|has left|risks making|keeps making",
            "life_aspect": "daily life|family budgets|planning ahead|finding work|getting about"
            "|staying healthy|running a business|making ends meet|caring for relatives",
            "harder": "much harder|far more difficult|more stressful|increasingly uncertain|a real "
            "struggle|almost impossible",
            "office": "office|casework team|team|constituency office|advice team",
            "handled": "dealt with|taken on|opened|received|logged|followed up",
            "cases": "cases|enquiries|requests for help|pieces of casework|letters|emails",
            "about": "about|concerning|relating to|involving",
            "period": "since {month}|this year|in the last {n1} months|since the election|over "
            "the past year|since the spring|since {month} {yr}",
            "asked": "asked|pressed|challenged|questioned",
            "would": "would|will|is likely to|is ever going to",
            "reach": "reach|benefit|make a difference in|arrive in|be felt in|help",
            "place_kind": "towns|villages|rural areas|market towns|coastal towns|small "
            "communities|places|estates",
            "opinion": "in my view|to my mind|put simply|from what I have seen|having looked at "
            "this closely|on the evidence I have seen|speaking plainly|as your MP",
            "judgement": "is a real problem|is neglected|is getting worse|is a priority|is unfair"
            "|remains unresolved|has dragged on|deserves more attention|is a scandal|is "
            "unacceptable|needs fixing|is urgent|is holding {place} back|worries me|must change",
            "in_area": "in {place}|in this part of the county|across our constituency|in the "
            "villages around {place}|here|in our area|locally|on the {place} estate",
            "local_org": "the food bank|a housing association|the citizens advice team|a "
            "residents' association|the parish council|a local charity|a tenants' group|the "
            "chamber of trade|a patient group|the youth service|a church group|the volunteer "
            "centre|the {place} Trust|the {place} Partnership|{place} Community Action",
            "warned": "warned|cautioned|made the point to me|told me bluntly|explained",
            "could": "could|may|will|is likely to|threatens to",
            "consequence": "get worse before it gets better|push more people into hardship|cost "
            "far more in the long run|leave some families behind|undo years of progress|force "
            "difficult choices|overwhelm local services",
            "intend": "intend|plan|hope|mean|want",
            "raise_verb": "raise|press for|ask about|speak about|push for|question Ministers on",
            "at_venue": "in the House|at the next debate|at Question Time|with the Minister|in "
            "committee|at the next opportunity|in an adjournment debate",
            "soon": "soon|in the coming weeks|before the summer|this month|as soon as I can|when "
            "Parliament returns|before the recess",
            "figures": "figures|statistics|numbers|data|local figures|new figures",
            "obtained": "obtained|requested|published|gathered|released|compiled|collected",
            "source_org": "the council|the library service|the local health board|the House of "
            "Commons Library|a local charity|the county council|the Department|the ombudsman",
            "moved": "grown by {pct} per cent|risen by {pct} per cent|doubled|increased sharply"
            "|fallen by {pct} per cent|barely changed|trebled",
            "since_when": "since {yr}|in {n1} years|over the last decade|since the pandemic|in "
            "the past {n1} years|since {month} {yr}",
            "met": "met|spoke to|listened to|heard from",
            "event": "my surgery|a public meeting|the summer fair|a coffee morning|a street "
            "stall|a school assembly|a residents' meeting|an open day|the {place} show",
            "spoke": "spoke|talked|wrote|told me",
            "feeling_adv": "passionately|movingly|angrily|frankly|at length|with real worry|very "
            "clearly|with great dignity",
            "will_write": "will write|have written|am writing|will be writing",
            "again": "again|once more|today|this week|formally|directly",
            "ask_for": "ask for|request|seek|press for",
            "request": "a meeting|a clear answer|an update|a timetable|a breakdown of the "
            "figures|a visit to {place}|an explanation|a decision by {month}",
            "honestly": "honestly|frankly|to be candid|in truth|if I am honest",
            "doubt": "doubt|am not convinced|am not persuaded|am not sure|worry",
            "will_be": "will be|is|would be|can be",
            "enough": "enough|sufficient|the whole answer|adequate",
            "by_itself": "on its own|by itself|without further action|unless it is properly "
            "funded|in its current form",
            "hear": "hear|am told|see in my inbox|hear from people",
            "most_often": "most often|again and again|week after week|more than anything",
            "at_surgery": "at my surgeries|in my postbag|on the doorstep|in my inbox|from local "
            "businesses|in {place}",
            "want": "want|expect|need|are asking",
            "one_family": "one family|a constituent|one pensioner|a young couple|one carer|a "
            "local business|one tenant|a retired teacher|a single parent|one young person|a "
            "veteran",
            "waited": "waited|had to wait|were left waiting|spent",
            "units": "weeks|months|days",
            "for_outcome": "for an answer|for an appointment|for a decision|for help|for a "
            "response|before anyone called back",
            "reaction": "is simply not good enough|should not happen|shows what is going wrong|I "
            "have raised directly|left them exhausted|I find unacceptable",
            "have_joined": "have joined|stand with|have worked with|have signed a letter with",
            "colleagues_lc": "colleagues|other MPs|members from several parties|neighbouring MPs",
            "in_calling": "in calling|in asking|in pressing|in pushing",
            "go_further": "go further|be extended|be brought forward|be properly funded|reach "
            "more people",
            "because": "because|since|as|given that",
            "reason": "{issue} affects so many here|I have seen the difference it makes|{group} "
            "have asked me to|the evidence is persuasive|it works elsewhere|{place} needs it",
            "caveat": "with some reservations|in principle|as a first step|wholeheartedly|with "
            "one or two caveats|while watching the detail",
            "it_seems": "it strikes me|it seems to me|I am convinced|I have come to see|I "
            "increasingly think|my casework in {place} suggests|what I hear in {place} suggests"
            "|I have long argued|my own sense is",
            "connected": "closely linked|connected|two sides of the same coin|intertwined",
            "in_ways": "in ways Ministers overlook|more than people realise|in {place} "
            "especially|for many families|in practice",
            "does": "does|carries out|has done|continues to do",
            "praise": "remarkable|excellent|vital|tireless|quiet|outstanding",
            "supporting": "supporting|helping|looking after|standing up for",
            "recognise_verb": "recognise|fund|learn from|support|back",
            "remain": "remain|am still|continue to be|am increasingly",
            "worried": "concerned|worried|uneasy|troubled|anxious",
            "particularly": "particularly|especially|above all|not least",
            "where_clause": "where {group} have nowhere else to turn|in the smaller villages|for "
            "families on low incomes|in places like {place}|as winter approaches|given the "
            "pressure on budgets",
            "last_period": "last {month}|over the recess|last summer|in {month}|recently|this year",
            "spent": "spent|passed|set aside",
            "time_span": "a day|an afternoon|a morning|several hours|a week",
            "learning": "learning|hearing|finding out|seeing for myself",
            "serious_about": "is serious about|is committed to|really wants to|means it when it "
            "promises to",
            "must": "must|should|needs to|will have to",
            "act_on": "act on|deal with|tackle|get a grip on|face up to",
            "first": "first|now|urgently|without delay|this year",
            "have_tabled": "have tabled|have submitted|have put down|have lodged",
            "parl_item": "a written question|a parliamentary question|an early day motion|an "
            "amendment|a question for the Minister",
            "the_reply": "the reply|the answer|the response|the Minister's answer",
            "surveys": "surveys|local surveys|polling|a recent survey|studies",
            "share_of": "{pct} per cent of them|nearly half|around a third|a majority|most|one "
            "in {n1}",
            "feel": "feel|report|have noticed|describe",
            "effect_of": "the effects of|the impact of|the pressure of|the consequences of",
            "my_view": "my view|my firm view|my position|my own conclusion|my assessment",
            "needs": "needs|deserves|requires|would benefit from",
            "more_funding": "more funding|proper funding|longer-term funding|a bigger budget"
            "|sustained investment",
            "targets": "clearer targets|firm deadlines|better monitoring|proper scrutiny|local "
            "flexibility",
            "my_team": "my team|my office|my caseworkers|my staff",
            "can_help": "can help|are happy to help|can advise|will support|are ready to assist",
            "with_problems": "with problems|with questions|with difficulties|with complaints"
            "|with applications",
            "related_to": "related to|arising from|caused by|linked to",
            "situation": "situation|position|picture|problem",
            "compare": "no better than|worse than|similar to|comparable to|more serious than",
            "other_case": "neighbouring areas|the national average|five years ago|other parts of "
            "the region|what I see elsewhere",
            "calls_for": "calls for|demands|deserves|needs",
            "action_np": "urgent action|a proper plan|more attention|a local response|real "
            "investment|a change of course",
            "welcome_lc": "welcome|will welcome|would welcome",
            "any_news": "any progress|news|further announcements|the latest announcement|every "
            "step forward",
            "the_test": "the real test|success|the proof|my yardstick|its worth",
            "results_in": "is what changes in|will be judged in|lies in|is the difference it "
            "makes in|shows up in",
            "my_people": "my constituents|the people I represent|families here|residents|older "
            "residents",
            "rely_on": "rely on|depend on|need|use",
            "service_np": "local services|the bus network|the local surgery|the food bank|council "
            "services|help from charities|community support",
            "puts": "puts that support at risk|leaves them under strain|puts those services in "
            "danger|puts all of this in doubt",
            "read": "read|studied|looked at|gone through|considered",
            "report_np": "the latest report|the committee's findings|a briefing|the new figures|a "
            "study by a local university|the inspection report",
            "struck": "am struck|was struck|was surprised|was alarmed|was encouraged",
            "finding_np": "how much has changed|how few people know their rights|the scale of the "
            "problem|the gap between areas|how much good work is happening|the human cost",
            "during": "during|over|throughout",
            "recess_np": "the summer recess|the coming recess|the next few months|the autumn",
            "plan": "plan|intend|hope|expect",
            "visit_verb": "visit|meet|call on|spend time with",
            "hear_more": "hear more|learn more|find out more|listen",
            "nobody": "nobody|no family|no one|no constituent",
            "should_face": "should have to face|should face|ought to face|should be left "
            "facing|should be left to cope with|must face",
            "alone": "alone|without help|without support|unaided|on their own",
            "i_will_keep": "I will keep pressing|I will keep arguing|I shall go on calling|I "
            "will continue to push|I will carry on campaigning|I intend to keep pushing|my office "
            "will keep pressing|I will go on lobbying",
            "will_share": "I will share|I will pass on|I will forward|I will circulate|my office "
            "will send|I will publish",
            "opener": "{when}|in {place}|as your MP|for my part|frankly|above all|this {month}"
            "|once again|on {weekday}|in {month}",
            "hosted": "hosted|chaired|held|organised|attended",
            "event_np": "a drop-in session|a listening event|a public meeting|a roundtable|a "
            "surgery|a question-and-answer session",
            "signed_up": "responded|replied|contributed|signed up",
            "my_survey": "my survey|my consultation|my questionnaire|an online poll I ran",
            "said": "said|told me|felt|agreed that",
            "org_kind": "advice centre|food bank|housing charity|law centre|carers' centre|credit "
            "union|community pantry",
            "reports": "reports|has recorded|has seen|has logged",
            "count_small": "{n2}|{n3}|over {n2}|nearly {n3}|more than {n2}",
            "went_with": "went with|took|accompanied|joined",
            "person_role": "a headteacher|two carers|a GP|a parish councillor|a tenants' "
            "representative|a farmer|a care home manager|a youth worker|a pharmacist|a bus "
            "driver",
            "meet_whom": "meet the Minister|see officials|brief the Minister|meet the regulator"
            "|give evidence to a committee",
            "seek_help": "ask for help|seek advice|contact my office|turn to charities|get support",
            "helped_count": "helped {n3}|supported {n2}|advised {n3}|housed {n2}|fed {n3}",
            "affected_by": "affected by|struggling with|hit by|facing",
            "comes_up": "comes up|is raised|is mentioned|dominates the conversation",
            "how_soon": "within minutes|almost at once|sooner or later|every time|before "
            "anything else",
            "predecessor": "my predecessor|a former councillor in {place}|the previous MP for "
            "this seat|a neighbouring MP",
            "long": "also|long|once|successfully",
            "campaigned": "campaigned|fought|spoke out|worked hard",
            "build_on": "build on|continue|carry forward|finish",
            "resident_kind": "pensioner|student|carer|nurse|apprentice|shop worker|grandmother"
            "|farmer|veteran|teacher",
            "wrote_to": "wrote to|emailed|called|visited",
            "lately": "last week|this month|in {month}|recently|only yesterday",
            "council_kind": "the county council|the district council|the local health board|the "
            "borough council|our local authority",
            "estimates": "estimates|calculates|believes|has told me",
            "costs": "costs|is costing|will cost|has cost",
            "local_sum": "£{n2},000|£{n3},000|about £{n1} million|nearly £{n2} million|£{n1}.{d} "
            "million",
            "per_period": "a year|each month|every year|this year|over {n1} years",
            "case_np": "a family|a pensioner|a young carer|a small business|a tenant|two sisters"
            "|a former soldier|a single father",
            "has_lost": "has lost|has seen the closure of|is down|has gained",
            "notice": "notice|feel|see|talk about",
            "gap": "difference|gap|loss|change",
            "would_help": "would help most|they wanted|would make a difference|mattered to them",
            "most_said": "most said|many pointed to|the answer was|nearly all mentioned",
            "arrange": "arrange|set up|help with|organise",
            "a_meeting": "a meeting|a call|an introduction|a referral",
            "who_local": "the council|local advisers|the right agency|specialist caseworkers|a "
            "local charity",
            "joined": "joined|met|came to see",
            "at_where": "in Westminster|at my office|at {venue}|online|in {place}",
            "discuss": "discuss|talk about|explain|press me on",
            # --- the policy voice of templates
            "time": "over the next {n1} years|by the end of this Parliament|by {yr}|from {month} "
            "{yr}|within {n1} months|over {n1} years|in the coming months|this year|over the "
            "spending review period|before {month}|during {yr}|by {month} next year",
            "help_to": "will help to|is designed to|should|is expected to|aims to",
            "and_also": "and will also|while also helping to|as well as helping to|and should also",
            "since_year": "since {yr}|over the past decade|in recent years|since {month} {yr}"
            "|this year",
            "policy_action": "introduced|expanded|funded|consulted on|legislated for|brought "
            "forward|strengthened",
            "result": "and {n2} per cent more {group} now benefit|with encouraging early results"
            "|which has already made a difference|and the results are being monitored|and "
            "progress has been steady",
            "it_is": "it is|it remains|it is now|I think it is",
            "is_delivered": "is delivered|is implemented|is rolled out|is introduced|is put in "
            "place",
            "recognises": "recognises|accepts|acknowledges|understands|knows",
            "alongside": "alongside|in addition to|as well as|building on",
            "is_also": "is also|has also been|will also be|is now",
            "taking_forward": "taking forward|developing|funding|preparing|consulting on",
            "the_latest": "the latest|official|published|recent|independent",
            "count_np": "{n2},000|{n3},000|nearly {n2},000|over {n3},000|around {n1} million",
            "units_policy": "people supported|homes|appointments|places|grants|cases resolved"
            "|staff in post",
            "ministers": "Ministers|officials|senior officials|Government advisers|both Ministers",
            "have_been_clear": "have been clear|have confirmed|have made clear|have said|have "
            "promised",
            "builds_on": "builds on|follows|extends|complements|adds to",
            "has_already": "has already|has so far|has to date|has",
            "achieved": "helped|supported|reached|benefited",
            "achievement": "{count_np} {group}|{group} in every region|{n1} in {n1} {group}"
            "|thousands of {group}",
            "work_with": "work with|engage with|listen to|support|work alongside",
            "in_addition": "in addition|furthermore|moreover|separately|on top of this",
            "pilot_areas": "pilot areas|local authorities|trailblazer areas|regions|health "
            "systems|test sites",
            "trial": "trial|test|pilot|deliver|lead on",
            "from_when": "from next year|from {month}|later this year|from April|this financial "
            "year",
            "strikes": "strikes|finds|gets",
            "balance": "balance|compromise|footing",
            "value": "fairness|affordability|ambition|responsibility|value for money|local choice"
            "|security|flexibility|speed|compassion",
            "does_not": "does not|cannot|will not",
            "accept": "accept|agree|believe",
            "can": "can|could|will",
            "alternative": "funding|regulation|legislation|local action|targets|spending",
            "funding": "funding|investment|a settlement|support|a package",
            "has_been": "has been|is being|will be",
            "allocated": "allocated|made available|provided|confirmed|given",
            "purpose": "to {goal}|for {measure}|so that they can {goal}",
            "these_measures": "these measures|these changes|these reforms|these plans|these steps",
            "backed_by": "are backed by|are set out in|are underpinned by|form part of",
            "legislation_np": "new legislation|a new Act|primary legislation|regulations|a "
            "statutory code",
            "which": "which|and it",
            "passed": "passed|completed|cleared|reached",
            "stage": "its second reading|its final stage|committee stage|Royal Assent",
            "the_aim": "the aim|the intention|the goal|the purpose|the ambition",
            "while": "while|whilst|at the same time as",
            "protecting": "protecting|supporting|safeguarding|looking after",
            "has_asked": "has asked|has commissioned|has instructed|has invited",
            "body_np": "an independent panel|the regulator|a taskforce|a review led by experts"
            "|the relevant committee|an independent adviser",
            "report_verb": "report|advise|make recommendations|gather evidence",
            "need_verb": "need|ask for|are entitled to|depend on",
            "support_np": "support|help|advice|care|protection",
            "they_should": "they should|they must|they will|they ought to",
            "get_it": "get it|receive it|be offered it|find it",
            "over": "over|during|across|within",
            "period_np": "the next {n1} years|this Parliament|the spending review period|the "
            "coming year",
            "extended": "be extended|be rolled out|expand|be offered",
            "more_places": "more areas|more councils|further towns|additional sites|more schools"
            "|more communities",
            "assured": "I am assured|I have been told|Ministers tell me|I understand|I am "
            "confident",
            "make": "make|deliver|bring",
            "part_of": "is part of|sits within|forms part of|belongs to",
            "wider_np": "a wider plan|a broader programme|a national strategy|a long-term plan"
            "|a package of reforms",
            "aims": "which aims|designed|intended|which is meant",
            "rejected": "has rejected|does not support|has resisted|has turned down",
            "calls_np": "calls|proposals|demands|suggestions",
            "for_alt": "for {alternative} alone|to scrap {measure}|to delay {measure}|for a "
            "different approach",
            "arguing": "arguing|saying|explaining|pointing out",
            "reason_gov": "it would cost too much|it would not {goal}|the evidence does not "
            "support it|{measure} is already working|it would take years",
            "evidence": "the evidence|experience|research|feedback",
            "suggests": "suggests|shows|indicates|confirms",
            "involved": "are involved|are consulted|help to shape it|have a say",
            "by_year": "by {yr}|by the end of the decade|within {n1} years|by next spring",
            "expects": "expects|intends|wants|has asked",
            "will_benefit": "will benefit|stand to gain|will see the difference|should gain",
            "n_effect": "reach {count_np} {group}|cost {amount}|run until {yr}|be reviewed "
            "after {n1} years",
            "open_policy": "crucially|importantly|for the first time|in particular|as a result"
            "|above all",
            "because_gov": "because|so that|in order that|given that",
            "guarantee": "a guarantee|a legal duty|a clear commitment|a firm promise|a pledge",
            "lead_in": "the Minister told the House|the Secretary of State said|the Minister "
            "confirmed|Ministers have said|the Government has stated|the Minister wrote",
        }.items()
    },
}

_OWN_FRAMES = _bank(
    (
        "{when}, I {visited} {venue} in {place}, where {people} {told_me_about} {issue}.",
        "{people} in {place} have {told_me} that {issue} {has_made} {life_aspect} {harder}.",
        "My {office} has {handled} {n2} {cases} {about} {issue} {period}.",
        "{opener}, I {asked} {minister} whether {measure} {would} {reach} {place_kind} like "
        "{place}.",
        "{opinion}, {issue} {judgement} for {group} {in_area}.",
        "{when}, {local_org} in {place} {warned} me that {issue} {could} {consequence}.",
        "I {intend} to {raise_verb} {measure} {at_venue} {soon}.",
        "{figures} {obtained} by {source_org} show that {issue} has {moved} {since_when}.",
        "{people} I {met} at {event} in {month} {spoke} {feeling_adv} about {issue}.",
        "{opener}, I {will_write} to {minister} {again} to {ask_for} {request}.",
        "{honestly}, I {doubt} that {measure} {will_be} {enough} {by_itself}.",
        "What I {hear} {most_often} {at_surgery} is that {group} {want} {gov} to {goal}.",
        "{one_family} in {place} {waited} {n1} {units} {for_outcome}, which {reaction}.",
        "I {have_joined} {colleagues_lc} {in_calling} for {measure} to {go_further}.",
        "{because} {reason}, I {back} {measure} {caveat}.",
        "{it_seems} that {issue} and {issue} are {connected} {in_ways}.",
        "{local_org} {does} {praise} work {supporting} {group} in {place}.",
        "I {remain} {worried} about {issue}, {particularly} {where_clause}.",
        "{last_period}, I {spent} {time_span} with {people} in {place}, {learning} how {issue} "
        "{affects} them.",
        "If {gov} {serious_about} {goal}, it {must} {act_on} {issue} {first}.",
        "I {have_tabled} {parl_item} on {issue}, and {will_share} {the_reply} with {people} in "
        "{place}.",
        "{surveys} of {people} in {place} suggest that {share_of} {feel} {effect_of} {issue}.",
        "{my_view} is that {measure} {needs} {more_funding} and {targets}.",
        "{my_team} {can_help} {group} {with_problems} {related_to} {issue}.",
        "The {situation} in {place} is {compare} {other_case}, and {calls_for} {action_np}.",
        "I {welcome_lc} {any_news} on {measure}, but {the_test} {results_in} {place}.",
        "{many_cap} {my_people} {rely_on} {service_np}, and {issue} {puts}.",
        "Having {read} {report_np} on {issue}, I {struck} by {finding_np}.",
        "{during} {recess_np}, I {plan} to {visit_verb} {venues} across {place} to {hear_more} "
        "about {issue}.",
        "{nobody} {should_face} {issue} {alone}, and {i_will_keep} for {measure}.",
        "{people} at {venue} in {place} {told_me} that {measure} {judgement}.",
        "In {place}, {share_of} of {people} {feel} {effect_of} {issue}, {figures} {obtained} by "
        "{source_org} suggest.",
        "{when}, {one_family} from {place} came to {event} to describe {issue}.",
        "On {weekday} {n1} {month}, I {hosted} {event_np} in {place} on {issue}.",
        "{n2} {people} {signed_up} to {my_survey} on {issue}, and {share_of} {said} {measure} "
        "{judgement}.",
        "The {org_kind} in {place} {reports} {count_small} {cases} {about} {issue} {period}.",
        "{opener}, I {went_with} {person_role} from {place} to {meet_whom} about {issue}.",
        "In {month}, {count_small} {people} in {place} had to {seek_help} with {issue}.",
        "Since {month} {yr}, {local_org} has {helped_count} {people} {affected_by} {issue}.",
        "Whenever I meet {people} in {place}, {issue} {comes_up} {how_soon}.",
        "{predecessor} {long} {campaigned} on {issue}, and I {intend} to {build_on} that work.",
        "A {n2}-year-old {resident_kind} in {place} {wrote_to} me {lately} about {issue}.",
        "{council_kind} {estimates} that {issue} {costs} {place} {local_sum} {per_period}.",
        "{opener}, I {raised} the case of {case_np} from {place} with {minister} {occasion}.",
        "{place} {has_lost} {n1} {venues} {since_when}, and {people} {notice} the {gap}.",
        "I {asked} {people} at {event} what {would_help}, and {most_said} {measure}.",
        "My {office} can {arrange} {a_meeting} with {who_local} for {group} {affected_by} {issue}.",
        "{n1} {people} from {place} {joined} me {at_where} to {discuss} {issue}.",
    )
)

_POLICY_FRAMES = _bank(
    (
        "{gov} {commit} {amount} {for_to} {measure} {time}.",
        "{measure} {help_to} {goal}, {and_also} {goal}.",
        "{since_year}, {gov} has {policy_action} {measure}, {result}.",
        "{it_is} {important} that {measure} {is_delivered} {manner}, so that {group} {benefit}.",
        "{gov} {recognises} that {issue} {affects} {group} {unevenly}.",
        "{alongside} {measure}, {gov} {is_also} {taking_forward} {measure}.",
        "{the_latest} figures show {count_np} more {units_policy} than in {yr}.",
        "{ministers} {have_been_clear} that {measure} will be {reviewed} {time}.",
        "This {builds_on} {measure}, which {has_already} {achieved} {achievement}.",
        "{gov} will {keep_working} with {partners} to {goal}.",
        "{in_addition}, {n1} {pilot_areas} will {trial} {measure} {from_when}.",
        "{believe} that {measure} {strikes} the right {balance} between {value} and {value}.",
        "{gov} {does_not} {accept} that {issue} {can} be {solved} by {alternative} alone.",
        "{funding} of {amount} {has_been} {allocated} to {partners} {purpose}.",
        "{these_measures} {backed_by} {legislation_np}, {which} {passed} {stage} {when_past}.",
        "{the_aim} is to {goal} {while} {protecting} {group}.",
        "{gov} {has_asked} {body_np} to {report_verb} on {issue} {time}.",
        "Where {group} {need_verb} {support_np}, {they_should} {get_it} {quickly}.",
        "{over} {period_np}, {measure} will {extended} to {n3} {more_places}.",
        "{assured} that {measure} will {make} a {real} difference to {issue}.",
        "{measure} {part_of} {wider_np}, {aims} to {goal}.",
        "{gov} {rejected} {calls_np} {for_alt}, {arguing} that {reason_gov}.",
        "{evidence} from {partners} {suggests} that {measure} {works} best when {group} "
        "{involved}.",
        "{by_year}, {gov} {expects} {measure} to {goal}.",
        "{group} {will_benefit} from {measure}, which will {n_effect}.",
        "{open_policy}, {measure} gives {group} {guarantee} {because_gov} they can {goal}.",
        "{gov} {has_said} it will {set_out} further {details} on {measure} {time}.",
        "{issue} {affects} {group} {unevenly}, {because_gov} {measure} {help_to} {goal}.",
    )
)

_GREETINGS = _bank(
    (
        *OPENINGS,
        "Many thanks for your message about {subject}.",
        "I was grateful to receive your email about {subject}.",
        "Thank you for sharing your views on {subject}.",
        "I am writing in reply to your email about {subject}.",
        "Thank you for taking the time to contact me about {subject}.",
        "Thank you for your recent letter about {subject}.",
    )
)
_CLOSINGS = _bank(
    (
        *CLOSINGS,
        "Please do not hesitate to get in touch if I can help further.",
        "I hope this is helpful, and I will keep you informed.",
        "Thank you again for writing, and please do keep in touch.",
        "Please do let me know if I can be of any further help.",
    )
)
_PERSONAL = _bank(PERSONAL)
_APPRECIATE = _bank(("{appreciate}.",))
_QUOTE_LEADS = _bank(
    (
        "As {lead_in}:",
        "In a recent statement, {lead_in}:",
        "On this point, {lead_in}:",
        "I was glad that {lead_in}:",
        "It is worth noting what {lead_in}:",
    )
)
_TITLES = _bank(
    (
        "Reply on {subject}",
        "Your letter about {subject}",
        "On {measure}",
        "{subject}",
        "My position on {subject}",
        "Update on {measure}",
        "Your email about {subject}",
    )
)
_SIGN_OFFS = ("Yours sincerely,", "Kind regards,", "With best wishes,", "Best wishes,")
_SALUTEES = _names(
    "Alex Sam Jo Pat Chris Morgan Robin Jamie Charlie Kim Leslie Frankie Jesse Taylor Drew "
    "Rowan Sasha Toni Nicky Ashley Casey Lee Jordan Avery Billie Dale Emery Harley"
)
_NOTES = ("A handwritten signature.", "A printed signature.", "An electronic signature.")

_FILLERS = _names(
    "also indeed now still really certainly already clearly very further local new national "
    "current wider proper real overall simply"
)
_MORE_SYNONYMS = {
    "help": "assist",
    "support": "back",
    "new": "fresh",
    "more": "further",
    "local": "community",
    "families": "households",
    "people": "residents",
    "funding": "investment",
    "investment": "funding",
    "plan": "strategy",
    "strategy": "plan",
    "ensure": "guarantee",
    "improve": "raise",
    "reduce": "cut",
    "cut": "reduce",
    "public": "national",
    "significant": "considerable",
    "will": "shall",
    "also": "too",
    "work": "act",
    "make": "create",
    "good": "positive",
    "better": "stronger",
    "protect": "safeguard",
    "safeguard": "protect",
    "benefit": "gain",
    "difference": "impact",
    "impact": "effect",
    "effect": "impact",
    "confirmed": "stated",
    "said": "stated",
    "introduced": "launched",
    "expanded": "widened",
    "figures": "statistics",
    "review": "assessment",
    "reviewed": "examined",
    "partners": "allies",
    "councils": "local authorities",
    "goal": "aim",
    "aim": "goal",
    "deliver": "achieve",
    "delivered": "achieved",
    "ambition": "aspiration",
    "fairness": "justice",
    "whole": "entire",
    "every": "each",
    "across": "throughout",
    "region": "area",
    "nearly": "almost",
    "around": "about",
    "over": "above",
}
_EDIT_SYNONYMS: dict[str, str] = {**SYNONYMS, **_MORE_SYNONYMS}
_PLAIN_WORD = re.compile(r"[A-Za-z]+")


def _topic_banks(topic: TopicBank) -> dict[str, _Bank]:
    compiled = {name: _bank(entries) for name, entries in _BANKS.items()}
    compiled.update(
        subject=_bank(topic.subjects),
        issue=_bank(topic.issues),
        measure=_bank(topic.measures),
        group=_bank(topic.groups),
        goal=_bank(topic.goals),
    )
    return compiled


# ---------------------------------------------------------------------------
# The corpus and its truth


@dataclass(frozen=True)
class Template:
    """A family's base text: paragraphs of sentences (a quotation counts as one sentence)."""

    family: str
    kind: Kind
    topic: str
    title: str
    paragraphs: tuple[tuple[str, ...], ...]
    quotes_statement: bool

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(sentence for paragraph in self.paragraphs for sentence in paragraph)

    @property
    def located(self) -> list[tuple[int, str]]:
        """Each sentence with the number of its paragraph."""
        return [
            (number, sentence)
            for number, paragraph in enumerate(self.paragraphs)
            for sentence in paragraph
        ]

    @property
    def texts(self) -> tuple[str, ...]:
        """Each paragraph as it appears in a letter that keeps it whole."""
        return tuple(" ".join(paragraph) for paragraph in self.paragraphs)

    def words(self) -> int:
        return sum(_words(text) for text in self.texts)


@dataclass
class ReuseCorpus:
    """The letters of :func:`generate`, and the truth about their text."""

    letters: list[Letter]
    family_of: dict[str, str]
    """Letter path (posix) → family id, for the letters of template families only."""
    kind_of_family: dict[str, Kind]
    negatives: dict[str, NegativeKind]
    """Letter path → what kind of negative it is, for the letters of no family."""
    bridges: dict[str, tuple[str, str]]
    """A bridge's path → the two families whose templates it quotes."""
    templates: dict[str, Template] = field(default_factory=dict)
    statements: dict[str, str] = field(default_factory=dict)
    """Topic slug → the ministerial statement its quoters (and some templates) quote."""

    def family_members(self) -> dict[str, list[str]]:
        members: dict[str, list[str]] = {}
        for path, family in self.family_of.items():
            members.setdefault(family, []).append(path)
        return members


def family_sizes(rng: Random, total: int, *, letters: int) -> list[int]:
    """Heavy-tailed family sizes of at least 2 adding up to ``total`` (0 if it is under 2).

    A corpus of 3,000 letters or more gets one family of several hundred;
    the rest follow a Pareto law (exponent 1.25, from 2 letters) cut off at
    300, or at an eighth of ``total`` when that is less.
    """
    sizes: list[int] = []
    remaining = total
    if letters >= 3000 and remaining >= 1200:
        sizes.append(rng.randint(300, min(600, remaining // 4)))
        remaining -= sizes[0]
    cap = max(10, min(300, total // 8))
    while remaining >= 2:
        size = cap + 1
        while size > cap:
            size = int(2.0 * (1.0 - rng.random()) ** (-1 / 1.25))
        size = min(size, remaining)
        if remaining - size == 1:
            size += 1
        sizes.append(size)
        remaining -= size
    if remaining == 1 and sizes:
        sizes[-1] += 1
    return sizes


def _kinds(rng: Random, sizes: Sequence[int]) -> list[Kind]:
    """A kind per family: each run of three families of similar size gets all three kinds."""
    kinds: list[Kind] = ["A"] * len(sizes)
    by_size = sorted(range(len(sizes)), key=lambda index: (-sizes[index], index))
    for start in range(0, len(by_size), 3):
        block = list(KINDS)
        rng.shuffle(block)
        for index, kind in zip(by_size[start : start + 3], block, strict=False):
            kinds[index] = kind
    return kinds


def generate(letters: int, seed: int = 0) -> ReuseCorpus:
    """A corpus of ``letters`` letters: template families of three kinds and negatives."""
    if letters < 0:
        raise ValueError("letters must be zero or more")
    return _Generator(letters, seed).run()


@dataclass
class _Family:
    template: Template
    parliament: int
    opens: dt.date
    closes: dt.date


class _Generator:
    def __init__(self, letters: int, seed: int) -> None:
        self.count = letters
        self.rng = Random(f"dear-constituent-reuse/{seed}/{letters}")
        self.banks = {topic.slug: _topic_banks(topic) for topic in TOPICS}
        self.members = make_members(self.rng, max(10, letters // 15))
        self.sitting: list[list[tuple[Member, Term]]] = [[] for _ in PARLIAMENTS]
        for member in self.members:
            for term in member.terms:
                self.sitting[term.parliament].append((member, term))
        self.member_slugs = {member.name: slugify(member.name) for member in self.members}
        self.stems: set[str] = set()
        self.letters: list[Letter] = []
        self.statements = {topic.slug: self._statement(topic.slug) for topic in TOPICS}

    # --- the whole corpus

    def run(self) -> ReuseCorpus:
        rng = self.rng
        family_total = round(self.count * FAMILY_SHARE)
        sizes = family_sizes(rng, family_total, letters=self.count)
        kinds = _kinds(rng, sizes)
        width = max(4, len(str(len(sizes))))
        corpus = ReuseCorpus([], {}, {}, {}, {}, statements=dict(self.statements))
        families: list[_Family] = []
        for number, (size, kind) in enumerate(zip(sizes, kinds, strict=True), start=1):
            family = self._family(f"family-{number:0{width}d}", kind)
            families.append(family)
            corpus.kind_of_family[family.template.family] = kind
            corpus.templates[family.template.family] = family.template
            for _ in range(size):
                letter = self._member_letter(family)
                corpus.family_of[letter.path.as_posix()] = family.template.family
        by_topic: dict[str, list[_Family]] = {}
        for family in families:
            by_topic.setdefault(family.template.topic, []).append(family)
        topics = sorted(by_topic) or [topic.slug for topic in TOPICS]
        negatives = self.count - sum(sizes)
        counts = {kind: round(negatives * share) for kind, share in NEGATIVE_SHARES}
        if len(families) < 2:
            counts["bridge"] = 0
        counts["one-off"] = negatives - counts["quoter"] - counts["bridge"]
        for _ in range(counts["quoter"]):
            path = self._quoter(rng.choice(topics))
            corpus.negatives[path] = "quoter"
        for _ in range(counts["bridge"]):
            first = rng.choice(families)
            same = [f for f in by_topic[first.template.topic] if f is not first]
            second = rng.choice(same or [f for f in families if f is not first])
            path = self._bridge(first, second)
            corpus.negatives[path] = "bridge"
            corpus.bridges[path] = (first.template.family, second.template.family)
        for _ in range(counts["one-off"]):
            path = self._one_off(rng.choice(topics))
            corpus.negatives[path] = "one-off"
        corpus.letters = sorted(self.letters, key=lambda letter: letter.path.as_posix())
        return corpus

    # --- texts

    def _own_sentences(self, topic: str, words: int) -> list[str]:
        """The sender's own sentences, at least ``words`` words (none for 0)."""
        banks, rng = self.banks[topic], self.rng
        sentences: list[str] = []
        used = 0
        while used < words:
            text = _sentence(rng, _OWN_FRAMES, banks)
            sentences.append(text)
            used += _words(text)
        return sentences

    def _paragraphs(self, sentences: list[str]) -> list[str]:
        """``sentences`` in paragraphs of one to four sentences."""
        paragraphs: list[str] = []
        index = 0
        while index < len(sentences):
            take = self.rng.randint(1, 4)
            paragraphs.append(" ".join(sentences[index : index + take]))
            index += take
        return paragraphs

    def _policy_sentence(self, topic: str) -> str:
        return _sentence(self.rng, _POLICY_FRAMES, self.banks[topic])

    def _statement(self, topic: str) -> str:
        """Two policy sentences of 35 to 45 words in all: the topic's ministerial statement."""
        while True:
            text = f"{self._policy_sentence(topic)} {self._policy_sentence(topic)}"
            if 35 <= _words(text) <= 45:
                return text

    def _quotation(self, topic: str) -> str:
        lead = _sentence(self.rng, _QUOTE_LEADS, self.banks[topic])
        return f"{lead} “{self.statements[topic]}”"

    def _template(self, family: str, kind: Kind, topic: str) -> Template:
        rng = self.rng
        count = rng.randint(5, 12)
        target = rng.randint(250, 600)
        quotes = rng.random() < STATEMENT_SHARE
        if quotes:
            target -= _words(self.statements[topic]) + 6
        seen: set[str] = set()
        paragraphs: list[list[str]] = [[] for _ in range(count - quotes)]
        used, index = 0, 0
        while used < target or index < len(paragraphs):
            text = self._policy_sentence(topic)
            if text in seen:
                continue
            seen.add(text)
            paragraphs[index % len(paragraphs)].append(text)
            used += _words(text)
            index += 1
        if quotes:
            paragraphs.insert(rng.randint(1, len(paragraphs)), [self._quotation(topic)])
        title = _sentence(rng, _TITLES, self.banks[topic])
        return Template(
            family, kind, topic, title, tuple(tuple(p) for p in paragraphs), quotes_statement=quotes
        )

    def _reworded(self, topic: str, paragraph: Sequence[str]) -> str:
        """``paragraph`` with about a fifth of its sentences replaced and of its words edited."""
        rng = self.rng
        sentences = list(paragraph)
        for index in range(len(sentences)):
            if rng.random() < REWORDED_SENTENCES:
                sentences[index] = self._policy_sentence(topic)
        tokens = " ".join(sentences).split(" ")
        editable = [i for i, token in enumerate(tokens) if i and _PLAIN_WORD.fullmatch(token)]
        edits = min(len(editable), round(REWORDED_WORDS * len(tokens)))
        for position in sorted(rng.sample(editable, edits), reverse=True):
            roll = rng.random()
            word = tokens[position]
            if roll < 0.5:
                other = _EDIT_SYNONYMS.get(word.lower()) or rng.choice(_FILLERS)
                tokens[position] = other[:1].upper() + other[1:] if word[0].isupper() else other
            elif roll < 0.75:
                del tokens[position]
            else:
                tokens.insert(position, rng.choice(_FILLERS))
        return " ".join(tokens)

    # --- letters of families

    def _family(self, family: str, kind: Kind) -> _Family:
        rng = self.rng
        parliament = rng.choice([p for p, sitting in enumerate(self.sitting) if sitting])
        topic = rng.choice(TOPICS).slug
        first, last = PARLIAMENTS[parliament][0], _last_day(parliament)
        window = rng.randint(20, 240)
        opens = _day_between(rng, first, max(first, last - dt.timedelta(days=window)))
        closes = min(last, opens + dt.timedelta(days=window))
        return _Family(self._template(family, kind, topic), parliament, opens, closes)

    def _member_letter(self, family: _Family) -> Letter:
        template, rng = family.template, self.rng
        middle = self._trimmed(template) if template.kind == "C" else self._mixed(template)
        member, term = rng.choice(self.sitting[family.parliament])
        date = _letter_date(rng, _day_between(rng, family.opens, family.closes), term)
        return self._letter(
            member, term, date, topic=template.topic, title=template.title, middle=middle
        )

    def _mixed(self, template: Template) -> list[str]:
        """Kinds A and B: template paragraphs, some dropped and reordered, among own ones."""
        rng = self.rng
        kept = list(range(len(template.paragraphs)))
        for _ in range(rng.randint(0, (len(kept) - 1) // 4)):
            del kept[rng.randrange(len(kept))]
        if rng.random() < 0.35:
            rng.shuffle(kept)
        else:
            for _ in range(rng.randint(1, 3)):
                kept.insert(rng.randrange(len(kept)), kept.pop(rng.randrange(len(kept))))
        template_words = sum(_words(template.texts[index]) for index in kept)
        share = rng.uniform(*OWN_SHARE)
        own = self._own_sentences(template.topic, round(template_words * share / (1 - share)))
        if template.kind == "B":
            texts = [self._reworded(template.topic, template.paragraphs[i]) for i in kept]
        else:
            texts = [template.texts[index] for index in kept]
        for paragraph in self._paragraphs(own):
            texts.insert(rng.randint(0, len(texts)), paragraph)
        return texts

    def _trimmed(self, template: Template) -> list[str]:
        """Kind C: a quarter to two fifths of the template's sentences amid own text."""
        rng = self.rng
        located = template.located
        total = len(located)
        low, high = math.ceil(TRIMMED_KEEP[0] * total), math.floor(TRIMMED_KEEP[1] * total)
        keep = rng.randint(low, max(low, high))
        chosen = _runs(rng, total, keep) if rng.random() < 0.5 else rng.sample(range(total), keep)
        chunks: list[list[str]] = []
        previous: tuple[int, int] | None = None
        for index in sorted(chosen):
            number, sentence = located[index]
            if previous is not None and previous == (index - 1, number):
                chunks[-1].append(sentence)
            else:
                chunks.append([sentence])
            previous = (index, number)
        kept_words = sum(_words(sentence) for chunk in chunks for sentence in chunk)
        length = round(template.words() * rng.uniform(0.8, 1.2))
        own = self._own_sentences(template.topic, max(length - kept_words, kept_words))
        return self._around(chunks, own)

    def _around(self, chunks: list[list[str]], own: list[str]) -> list[str]:
        """``chunks`` in order, some sharing a paragraph with own sentences, among own ones."""
        rng = self.rng
        texts: list[str] = []
        for chunk in chunks:
            roll = rng.random()
            if roll < 0.25 and own:
                texts.append(" ".join([own.pop(), *chunk]))
            elif roll < 0.5 and own:
                texts.append(" ".join([*chunk, own.pop()]))
            else:
                texts.append(" ".join(chunk))
        for paragraph in self._paragraphs(own):
            texts.insert(rng.randint(0, len(texts)), paragraph)
        return texts

    # --- negatives

    def _quoter(self, topic: str) -> str:
        rng = self.rng
        own = self._paragraphs(self._own_sentences(topic, rng.randint(120, 420)))
        quotation = self._quotation(topic)
        if rng.random() < 0.3:
            lead, _, statement = quotation.partition(" “")
            quoted = [lead, f"> “{statement}"]
        else:
            quoted = [quotation]
        at = rng.randint(0, len(own))
        return self._negative(topic, [*own[:at], *quoted, *own[at:]])

    def _bridge(self, first: _Family, second: _Family) -> str:
        rng = self.rng
        texts: list[str] = []
        for family in (first, second):
            template = family.template
            located = template.located
            total = len(located)
            low, high = (round(share * total) for share in BRIDGE_QUOTE)
            keep = max(1, rng.randint(low, high))
            start = rng.randint(0, total - keep)
            paragraphs: dict[int, list[str]] = {}
            for number, sentence in located[start : start + keep]:
                paragraphs.setdefault(number, []).append(sentence)
            texts += [" ".join(sentences) for sentences in paragraphs.values()]
        words = sum(_words(text) for text in texts)
        own = self._own_sentences(first.template.topic, round(words * rng.uniform(0.0, 0.25)))
        for paragraph in self._paragraphs(own):
            texts.insert(rng.randint(0, len(texts)), paragraph)
        topics = [first.template.topic, second.template.topic]
        return self._negative(topics[0], texts, also=topics[1])

    def _one_off(self, topic: str) -> str:
        own = self._own_sentences(topic, self.rng.randint(150, 500))
        return self._negative(topic, self._paragraphs(own))

    def _negative(self, topic: str, middle: list[str], *, also: str | None = None) -> str:
        rng = self.rng
        member = rng.choice(self.members)
        term = rng.choice(member.terms)
        date = _letter_date(rng, _day_between(rng, term.start, term.last_letter_day), term)
        title = _sentence(rng, _TITLES, self.banks[topic])
        letter = self._letter(
            member, term, date, topic=topic, title=title, middle=middle, also=also
        )
        return letter.path.as_posix()

    # --- the letter itself

    def _letter(
        self,
        member: Member,
        term: Term,
        date: LetterDate,
        *,
        topic: str,
        title: str,
        middle: list[str],
        also: str | None = None,
    ) -> Letter:
        rng, banks = self.rng, self.banks[topic]
        greeting = [_sentence(rng, _GREETINGS, banks)]
        roll = rng.random()
        if roll < 0.3:
            greeting.append(_sentence(rng, _APPRECIATE, banks))
        elif roll < 0.5:
            greeting.append(_sentence(rng, _PERSONAL, {"constituency": (term.constituency,)}))
        salutation = "Dear Constituent," if rng.random() < 0.5 else f"Dear {rng.choice(_SALUTEES)},"
        lines: list[str] = []
        if rng.random() < 0.8:
            lines += ["::: letterhead", "HOUSE OF COMMONS", "LONDON SW1A 0AA", ":::", ""]
        lines += ["::: date", date.as_written(), ":::", ""]
        lines += ["::: salutation", salutation, ":::", ""]
        if rng.random() < 0.4:
            lines += ["::: subject", title, ":::", ""]
        for text in (" ".join(greeting), *middle, _sentence(rng, _CLOSINGS, banks)):
            lines += [text, ""]
        lines += ["::: sign-off", rng.choice(_SIGN_OFFS), ""]
        if rng.random() < 0.4:
            lines += ["::: note", rng.choice(_NOTES), ":::", ""]
        lines += [f"{member.name} MP", f"Member of Parliament for {term.constituency}", ":::"]
        topics = (topic,) if also is None or also == topic else (topic, also)
        letter = Letter(
            path=self._path(member, date, title),
            title=title,
            date=date,
            signatory=member.name,
            constituency=term.constituency,
            topics=topics,
            body="\n".join(lines) + "\n",
            body_line=1,
        )
        self.letters.append(letter)
        return letter

    def _path(self, member: Member, date: LetterDate, title: str) -> PurePosixPath:
        subject = "-".join(slugify(title).split("-")[:6])
        stem = f"{date.iso()}-{self.member_slugs[member.name]}-{subject}"
        candidate, attempt = stem, 1
        while candidate in self.stems:
            attempt += 1
            candidate = f"{stem}-{attempt}"
        self.stems.add(candidate)
        return PurePosixPath(f"letters/{date.year}/{candidate}.md")


def _runs(rng: Random, total: int, keep: int) -> list[int]:
    """``keep`` of ``range(total)`` in one to three runs, in order."""
    runs = rng.randint(1, min(3, keep))
    while runs > 1 and total - keep < runs - 1:
        runs -= 1
    lengths = [1] * runs
    for _ in range(keep - runs):
        lengths[rng.randrange(runs)] += 1
    free = total - keep - (runs - 1)
    cuts = sorted(rng.randint(0, free) for _ in range(runs))
    gaps = [cuts[0], *(b - a + 1 for a, b in itertools.pairwise(cuts))]
    chosen: list[int] = []
    position = 0
    for gap, length in zip(gaps, lengths, strict=True):
        position += gap
        chosen += range(position, position + length)
        position += length
    return chosen


def _last_day(parliament: int) -> dt.date:
    end = PARLIAMENTS[parliament][1]
    return LAST_DAY if end is None else min(end, LAST_DAY)


def _day_between(rng: Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _letter_date(rng: Random, day: dt.date, term: Term) -> LetterDate:
    """``day``, or (one time in ten) its month when the whole month lies in the term."""
    if rng.random() < 0.1:
        month_end = day.replace(day=28) + dt.timedelta(days=4)
        month_end -= dt.timedelta(days=month_end.day)
        if day.replace(day=1) >= term.start and month_end <= term.last_letter_day:
            return LetterDate(day.year, day.month)
    return LetterDate(day.year, day.month, day.day)
