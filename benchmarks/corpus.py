"""A deterministic generator of a fictional archive of MPs' letters.

Benchmarks, ``make demo`` and the template-detection benchmark need archives
of any size that pass the validator. Everything here is invented: members,
constituencies, parties, campaigns and organisers are made of made-up
syllables and phrases, so no generated letter can be mistaken for a real one.

Letters come in two kinds:

* members of a *template family*: a base text drafted around a topic (and
  often a campaign), sent by several MPs with light edits of their own (a
  sentence added, a paragraph dropped, a few words changed, a personal
  opening naming the constituency);
* *one-off* letters in the MP's own words, which share only the usual
  boilerplate ("Thank you for contacting me about …", "Yours sincerely,")
  with any other letter.

The same arguments always give the same bytes: every random choice comes from
``random.Random`` seeded with a string derived from ``seed``, and nothing
depends on the clock (letters are dated no later than :data:`LAST_DAY`).

Usage::

    python benchmarks/corpus.py ROOT --letters 1000 [--seed 0]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

__all__ = ["LAST_DAY", "PARLIAMENTS", "Corpus", "generate_corpus", "main"]

LAST_DAY = dt.date(2025, 12, 31)
"""No letter is dated later than this, so the output never depends on today's date."""

PARLIAMENTS: tuple[tuple[dt.date, dt.date | None], ...] = (
    (dt.date(2010, 5, 7), dt.date(2015, 3, 30)),
    (dt.date(2015, 5, 8), dt.date(2017, 5, 3)),
    (dt.date(2017, 6, 9), dt.date(2019, 11, 6)),
    (dt.date(2019, 12, 13), dt.date(2024, 5, 30)),
    (dt.date(2024, 7, 5), None),
)
"""Each Parliament from the day after its general election to its dissolution."""

MARKER = ".generated-corpus"
"""A file in ``docs/letters/`` saying the folder may be replaced by the generator."""

REAL_NAMES = frozenset({"Alister Jack", "Dumfries and Galloway"})
"""Real names used elsewhere in the repository, which the corpus must never produce."""

PARTIES = (
    "Civic Party",
    "Commonwealth Party",
    "Green Hills Party",
    "Progressive Alliance",
    "Heritage Party",
    "Coast and Country Party",
)

# ---------------------------------------------------------------------------
# Invented names


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST_NAMES = _words(
    "Ada Alys Amara Anwen Ari Aurelia Bea Bram Briony Caius Calla Cormac Dafydd Delphine "
    "Desmond Edda Elowen Emrys Esme Ferdie Fenella Gideon Greer Hattie Idris Ines Isolde "
    "Jago Jessamy Juno Kasimir Keturah Lorcan Lowri Lucan Maelis Marigold Merrick Mirren "
    "Nerys Niamh Oriel Orla Osric Perpetua Piran Quentin Rhiannon Roswitha Rufus Saffron "
    "Sabine Seren Tamsin Tavish Thea Tobias Ulrica Ursula Veda Wendell Wilhelmina Xanthe "
    "Yestin Ysolde Zeno Zillah Alaric Benedetta Corin Drusilla Evander Fiora Hesper Ianto"
)
_SURNAME_HEADS = _words(
    "Quill Tresk Morv Pember Wyck Ostr Gwel Carv Drisc Haver Lisk Nant Orrin Pask Rendel "
    "Scull Thorv Ulbr Vell Yarr Zenn Brack Corr Delv Esk Frel Grist Holl Jerv Kell"
)
_SURNAME_TAILS = _words(
    "ellow ington avey ardine ewick amore ithe enby oway asset iscombe ethorne allow "
    "idge enhall ocott"
)

_PLACE_STEMS = _words(
    "Wex Linden Carrow Quend Briskel Tolver Marrin Ostle Fenwen Harrel Cawder Elvan "
    "Grisel Hobbel Jorvel Kessel Lorrin Mardel Nethel Pellan Rushel Selvin Tarrow Umber "
    "Vennel Wrayle Yelver Brandle Corrin Dapple Emmer Fossel Gorrow Hessel Istle Jessam "
    "Kellow Lummer Mossel Norrow"
)
_PLACE_TAILS = _words(
    "moor holt by ford wick ham ton stead field mere dale combe bridge worth ley thorpe "
    "well bury hurst den"
)
_COMPASS = ("North", "South", "East", "West", "Central")


# ---------------------------------------------------------------------------
# Topics and campaigns


@dataclass(frozen=True)
class TopicBank:
    """A topic's register entry and the vocabulary letters about it draw on."""

    slug: str
    title: str
    description: str
    keywords: tuple[str, ...]
    subjects: tuple[str, ...]
    issues: tuple[str, ...]
    measures: tuple[str, ...]
    groups: tuple[str, ...]
    goals: tuple[str, ...]


def _topic(slug: str, title: str, description: str, keywords: str, *banks: str) -> TopicBank:
    subjects, issues, measures, groups, goals = (tuple(bank.split("|")) for bank in banks)
    return TopicBank(
        slug,
        title,
        description,
        tuple(keywords.split("|")),
        subjects,
        issues,
        measures,
        groups,
        goals,
    )


TOPICS: tuple[TopicBank, ...] = (
    _topic(
        "housing",
        "Housing",
        "The cost and supply of homes, renting, social housing and homelessness.",
        "housing|rent|renters|landlords|affordable homes|homelessness|planning",
        "housing|the cost of housing|affordable homes|the private rented sector|homelessness"
        "|social housing",
        "the shortage of affordable homes|rising rents in the private sector|the number of "
        "families in temporary accommodation|the slow pace of housebuilding|poor conditions in "
        "some rented homes|the growing waiting lists for social housing|the difficulty "
        "first-time buyers face|the use of no-fault evictions",
        "the new affordable homes programme|reform of the planning system|stronger protections "
        "for private tenants|a new decent homes standard for rented properties|funding for "
        "councils to build social housing|the abolition of no-fault evictions|a register of "
        "private landlords|support for first-time buyers",
        "tenants|first-time buyers|young families|people on housing waiting lists|renters",
        "get more homes built|make renting fairer|bring down the cost of a first home|end rough "
        "sleeping|raise standards in rented homes|give tenants more security",
    ),
    _topic(
        "nhs",
        "The NHS",
        "Waiting times, staffing, GP services and the funding of the health service.",
        "NHS|hospital|GP|waiting list|nurses|doctors|ambulance",
        "the NHS|waiting times in the NHS|GP services|hospital waiting lists|NHS staffing"
        "|ambulance response times",
        "long waits for planned operations|the pressure on accident and emergency departments"
        "|the difficulty of getting a GP appointment|staff shortages across the health service"
        "|delays in ambulance handovers|the backlog in diagnostic tests|the condition of some "
        "hospital buildings|the retention of experienced nurses",
        "the long-term workforce plan|additional funding for diagnostic centres|the expansion "
        "of medical school places|new investment in hospital buildings|a recovery plan for "
        "elective care|better support for GP practices|the recruitment of additional nurses"
        "|measures to speed up ambulance handovers",
        "patients|NHS staff|nurses and doctors|older patients|families waiting for treatment",
        "bring down waiting lists|make it easier to see a GP|give staff the support they need"
        "|speed up diagnosis|put the health service on a sustainable footing|improve care for "
        "patients",
    ),
    _topic(
        "immigration",
        "Immigration",
        "Immigration rules, the asylum system, visas and the treatment of migrants.",
        "immigration|asylum|refugees|visa|Home Office|migrants",
        "immigration|the asylum system|the immigration rules|the treatment of refugees|visa policy",
        "the backlog of asylum claims|delays in processing visa applications|the cost of hotel "
        "accommodation for asylum seekers|dangerous small boat crossings|the treatment of "
        "people who came here legally|the rules on family visas|the shortage of safe and legal "
        "routes|delays in Home Office decisions",
        "the new points-based system|a faster asylum processing system|new safe and legal "
        "routes|reform of the family visa rules|a compensation scheme for those wrongly "
        "affected|closer cooperation with European partners|additional Home Office caseworkers"
        "|an independent review of enforcement practice",
        "refugees|asylum seekers|families with relatives overseas|employers who rely on "
        "overseas workers|people who have made their lives here",
        "clear the asylum backlog|make the system fairer and faster|treat people with dignity"
        "|stop dangerous crossings|restore confidence in the system|reunite families more "
        "quickly",
    ),
    _topic(
        "climate",
        "Climate change",
        "Cutting carbon emissions, net zero and adapting to a changing climate.",
        "climate|net zero|emissions|carbon|renewables|flooding",
        "climate change|the climate emergency|net zero|carbon emissions|the transition to "
        "clean energy",
        "the pace of emissions reductions|our reliance on fossil fuels|the impact of extreme "
        "weather|the cost of insulating older homes|the slow rollout of charging points|the "
        "loss of carbon-rich habitats|the gap between targets and delivery|rising flood risk",
        "the net zero strategy|new funding for home insulation|the expansion of offshore wind"
        "|an end to the sale of new petrol and diesel cars|support for heat pump installations"
        "|the next carbon budget|investment in flood defences|a green investment fund",
        "future generations|coastal communities|households|young people|businesses",
        "reach net zero|cut emissions faster|protect communities from flooding|create green "
        "jobs|make homes warmer and cheaper to heat|keep our international commitments",
    ),
    _topic(
        "education",
        "Education",
        "Schools, their funding and staff, and support for children with additional needs.",
        "schools|teachers|pupils|education|special educational needs|class sizes",
        "schools|school funding|education|special educational needs provision|teacher "
        "recruitment|class sizes",
        "pressure on school budgets|the shortage of qualified teachers|long waits for special "
        "needs assessments|the condition of school buildings|large class sizes|the attainment "
        "gap|teacher workload|falling pupil numbers in some areas",
        "the national funding formula|extra funding for special educational needs|a teacher "
        "recruitment bonus|the school rebuilding programme|free breakfast clubs|reform of the "
        "inspection regime|the national tutoring programme|higher starting salaries for "
        "teachers",
        "pupils|parents|teachers|headteachers|children with special educational needs",
        "raise standards in every school|give every child a good start|keep good teachers in "
        "the classroom|close the attainment gap|make sure schools are properly funded|support "
        "children with additional needs",
    ),
    _topic(
        "social-care",
        "Social care",
        "Care for older and disabled adults, the care workforce and unpaid carers.",
        "social care|care homes|carers|care workers|cost of care",
        "social care|adult social care|care homes|support for unpaid carers|the cost of care",
        "the shortage of care workers|the cost of care for families|delays in discharging "
        "patients into care|low pay in the care sector|the pressure on council care budgets"
        "|the closure of care homes|the burden on unpaid carers|long waits for care assessments",
        "the cap on care costs|a fair pay agreement for care workers|additional funding for "
        "councils|a national care service|new support for unpaid carers|the hospital "
        "discharge fund|the workforce strategy for care|the integration of health and care",
        "older people|unpaid carers|care workers|disabled adults|care providers",
        "fix social care for good|pay care workers fairly|protect people from catastrophic "
        "costs|support families who care for loved ones|help people live independently|ease "
        "pressure on hospitals",
    ),
    _topic(
        "transport",
        "Transport",
        "Buses, railways, roads and the cost and accessibility of getting about.",
        "buses|rail|trains|roads|potholes|fares|transport",
        "public transport|local bus services|rail services|road maintenance|rail fares",
        "cuts to rural bus routes|unreliable rail services|the state of local roads|rising "
        "rail fares|the lack of step-free access at stations|overcrowded trains|potholes on "
        "rural roads|poor connections between towns",
        "the cap on bus fares|the national bus strategy|investment in road maintenance|reform "
        "of the railways|the access for all programme|new rolling stock|funding for active "
        "travel|the rural transport fund",
        "commuters|passengers|rural communities|older people who rely on buses|disabled travellers",
        "keep rural bus routes running|make trains more reliable|fix our roads|make travel "
        "more affordable|connect towns and villages|make journeys accessible for everyone",
    ),
    _topic(
        "welfare",
        "Welfare and benefits",
        "The benefits system, Universal Credit, child poverty and the cost of living.",
        "benefits|Universal Credit|welfare|poverty|food banks|cost of living",
        "the benefits system|Universal Credit|welfare reform|the cost of living|child poverty",
        "the five-week wait for a first payment|the two-child limit|the rising cost of "
        "essentials|deductions from benefit payments|the use of food banks|benefit sanctions"
        "|delays in disability assessments|the level of support for families",
        "the household support fund|changes to the taper rate|the uprating of benefits|the "
        "cost of living payments|reform of the assessment process|the child poverty strategy"
        "|the extension of free school meals|the work and health programme",
        "working families|people on low incomes|children|claimants|disabled people|single parents",
        "reduce child poverty|make work pay|support families through difficult times|ensure "
        "the system treats people with respect|help people into work|provide a proper safety "
        "net",
    ),
    _topic(
        "energy-bills",
        "Energy bills",
        "Household energy costs, fuel poverty and the regulation of energy suppliers.",
        "energy bills|fuel poverty|price cap|prepayment meters|standing charges",
        "energy bills|fuel poverty|the energy price cap|household energy costs",
        "the rise in energy prices|the number of households in fuel poverty|high standing "
        "charges|the cost of heating older homes|prepayment meter practices|debt owed to energy "
        "suppliers|volatility in wholesale gas prices|poor insulation in older homes",
        "the energy price guarantee|the warm home discount|the energy bills support scheme"
        "|reform of standing charges|new rules on prepayment meters|a national insulation drive"
        "|a social tariff for energy|the windfall tax on energy profits",
        "households|pensioners|families on low incomes|small businesses|people on prepayment "
        "meters|rural households off the gas grid",
        "bring bills down|keep people warm this winter|protect vulnerable customers|end fuel "
        "poverty|make homes more energy efficient|reduce our exposure to volatile markets",
    ),
    _topic(
        "policing",
        "Policing and crime",
        "Police numbers, antisocial behaviour, victims of crime and the courts.",
        "police|crime|antisocial behaviour|victims|knife crime|courts",
        "policing|crime|antisocial behaviour|neighbourhood policing|police numbers",
        "antisocial behaviour in town centres|the fall in neighbourhood officers|knife crime"
        "|the low charge rate for some offences|shoplifting|rural crime|delays in the courts"
        "|violence against women and girls",
        "the recruitment of additional officers|the safer streets fund|new powers to tackle "
        "antisocial behaviour|the rural crime strategy|funding for violence reduction units|a "
        "new law for victims|investment in forensic services|a neighbourhood policing guarantee",
        "victims of crime|local residents|shopkeepers|police officers|young people",
        "make our streets safer|put more officers on the beat|support victims|tackle the "
        "causes of crime|restore confidence in policing|bring more offenders to justice",
    ),
    _topic(
        "animal-welfare",
        "Animal welfare",
        "The welfare of farm animals, pets and wildlife, and the laws protecting them.",
        "animal welfare|pets|live exports|wildlife|sentience|puppy smuggling",
        "animal welfare|the welfare of farm animals|pet theft|the live export of animals"
        "|wildlife protection",
        "the live export of animals for slaughter|puppy smuggling|the use of cages in farming"
        "|pet theft|the trade in hunting trophies|the welfare of animals in transit|wildlife "
        "crime|the treatment of animals in some laboratories",
        "the animal welfare action plan|a ban on live exports|new penalties for pet theft|the "
        "recognition of animal sentience in law|tighter rules on pet imports|a ban on the "
        "import of hunting trophies|higher welfare standards for farm animals|funding for "
        "wildlife crime units",
        "pet owners|farmers|animal welfare charities|vets|wildlife groups",
        "maintain our high welfare standards|end unnecessary suffering|protect pets and their "
        "owners|lead the world on animal welfare|stamp out wildlife crime|support farmers who "
        "meet high standards",
    ),
    _topic(
        "water-quality",
        "Rivers and water quality",
        "Sewage discharges, the water industry and the health of rivers and seas.",
        "sewage|rivers|water companies|bathing water|pollution|storm overflows",
        "sewage discharges|water quality|our rivers and seas|the water industry|bathing water",
        "sewage discharges into rivers|pollution at bathing beaches|underinvestment by water "
        "companies|the condition of chalk streams|agricultural run-off|bonuses paid to water "
        "company executives|leaks from ageing pipes|the state of our rivers",
        "the storm overflows reduction plan|unlimited penalties for water companies|real-time "
        "monitoring of discharges|a stronger water regulator|new bathing water designations|a "
        "ban on bonuses for polluting firms|investment in sewage treatment|the plan for water",
        "swimmers|anglers|coastal communities|bill payers|local residents",
        "clean up our rivers|hold water companies to account|protect our coastline|end routine "
        "sewage discharges|restore river habitats|make sure polluters pay",
    ),
    _topic(
        "overseas-aid",
        "Overseas aid",
        "International development, humanitarian assistance and the aid budget.",
        "aid|international development|humanitarian|famine|vaccines|debt relief",
        "overseas aid|international development|the aid budget|humanitarian assistance",
        "the cut to the aid budget|humanitarian crises in conflict zones|global vaccine "
        "inequality|the impact of climate change on poorer countries|famine and food "
        "insecurity|the debt burden on developing countries|the protection of civilians in "
        "conflict|support for girls' education overseas",
        "a return to the aid target|emergency humanitarian funding|support for global "
        "vaccination programmes|the international climate finance commitment|debt relief for "
        "the poorest countries|the girls' education programme|a new international development "
        "strategy|funding for humanitarian agencies",
        "people in the poorest countries|refugees|aid agencies|women and girls|children in "
        "conflict zones",
        "restore our leadership on development|save lives in humanitarian emergencies|end "
        "extreme poverty|support countries facing climate change|make aid more effective|keep "
        "our promises to the world's poorest",
    ),
    _topic(
        "online-safety",
        "Online safety",
        "Harmful content, online abuse and fraud, and the duties of technology companies.",
        "online safety|social media|online harms|tech companies|age verification",
        "online safety|social media|children's safety online|online harms",
        "harmful content on social media|online abuse|the exposure of children to harmful "
        "material|online fraud|misinformation|the algorithms that push harmful content"
        "|cyberbullying|the misuse of personal data",
        "the new online safety regime|a duty of care for tech companies|age verification "
        "requirements|new powers for the regulator|tougher penalties for online fraud|a digital "
        "literacy programme in schools|a code of practice for social media firms|transparency "
        "reporting by platforms",
        "children|parents|young people|vulnerable adults|users of social media",
        "make the internet safer for children|hold tech companies to account|protect people "
        "from online fraud|tackle online abuse|give parents more control|protect free "
        "expression while tackling harm",
    ),
    _topic(
        "farming",
        "Farming and food",
        "Support for farmers, food security, food standards and trade.",
        "farming|farmers|food security|food standards|trade deals|agriculture",
        "farming|food security|agricultural policy|support for farmers|trade and farming",
        "the rising cost of fertiliser|the transition away from direct payments|trade deals "
        "that undercut British farmers|labour shortages on farms|the loss of farmland|low "
        "prices paid by supermarkets|bovine disease|the future of small family farms",
        "the new environmental land management schemes|the sustainable farming incentive|a "
        "food security strategy|the seasonal worker scheme|the groceries code adjudicator"
        "|protections for food standards in trade deals|grants for farm productivity|support "
        "for new entrants to farming",
        "farmers|tenant farmers|rural communities|food producers|young farmers",
        "support British farmers|protect our food standards|strengthen food security|reward "
        "farmers for protecting the environment|keep family farms viable|ensure a fair price "
        "for producers",
    ),
    _topic(
        "pensions",
        "Pensions",
        "The state pension, the pension age and incomes in retirement.",
        "pensions|state pension|pension age|pensioners|pension credit",
        "pensions|the state pension|the pension age|pensioner incomes",
        "the rise in the state pension age|the way changes to the pension age were "
        "communicated|pensioner poverty|the low take-up of pension credit|the adequacy of "
        "workplace pensions|the gender pension gap|the future of the triple lock|the cost of "
        "living for older people",
        "the triple lock|a drive to increase pension credit take-up|automatic enrolment|the "
        "ombudsman's recommendations|the review of the state pension age|the pensions "
        "dashboard|the winter fuel payment|the pension protection fund",
        "pensioners|women affected by pension age changes|savers|older people|people "
        "approaching retirement",
        "give pensioners security in retirement|make sure people get what they are entitled "
        "to|help people save for retirement|treat people affected by the changes fairly"
        "|protect the value of the state pension|reduce pensioner poverty",
    ),
    _topic(
        "mental-health",
        "Mental health",
        "Mental health services for children and adults, crisis care and suicide prevention.",
        "mental health|anxiety|talking therapies|crisis care|suicide prevention",
        "mental health|mental health services|children's mental health|suicide prevention",
        "long waits for mental health treatment|the lack of support in schools|the rise in "
        "anxiety among young people|the shortage of mental health beds|the link between debt "
        "and mental ill health|the stigma around mental illness|gaps in crisis care|the use of "
        "out-of-area placements",
        "mental health support teams in schools|the suicide prevention strategy|reform of "
        "mental health law|additional funding for talking therapies|new crisis services|a "
        "mental health workforce plan|parity of esteem between mental and physical health"
        "|community mental health hubs",
        "young people|people in crisis|families|veterans|students|mental health staff",
        "give mental health the same priority as physical health|cut waiting times for "
        "treatment|support young people earlier|prevent suicide|end out-of-area placements"
        "|make help available when people need it",
    ),
    _topic(
        "local-government",
        "Local government",
        "Council funding, council tax and the local services councils provide.",
        "council|council tax|local services|libraries|high streets|devolution",
        "local council funding|local services|council tax|local government finance",
        "pressure on council budgets|rising council tax bills|the closure of libraries|cuts to "
        "youth services|the cost of children's services|the state of high streets|the funding "
        "gap facing councils|the uncertainty of single-year settlements",
        "the local government finance settlement|multi-year funding settlements|the levelling "
        "up fund|new devolution deals|reform of business rates|the high streets fund|new "
        "powers for local leaders|the review of council funding",
        "local residents|councils|council tax payers|young people|small businesses|community "
        "groups",
        "give councils certainty|protect vital local services|revive our high streets|keep "
        "council tax affordable|put power in local hands|support communities to thrive",
    ),
)


@dataclass(frozen=True)
class CampaignBank:
    """A fictional campaign: its register entry and what it asks MPs to do."""

    slug: str
    title: str
    topic: str
    description: str
    organisers: tuple[str, ...]
    keywords: tuple[str, ...]
    ask: str


CAMPAIGNS: tuple[CampaignBank, ...] = (
    CampaignBank(
        "homes-within-reach",
        "Homes Within Reach",
        "housing",
        "A campaign asking MPs to back a limit on annual rent increases for private tenants.",
        ("Lindenholt Tenants Forum", "Renters Together Alliance"),
        ("Homes Within Reach", "rent increases"),
        "back a limit on annual rent increases",
    ),
    CampaignBank(
        "fair-shifts-for-nurses",
        "Fair Shifts for Nurses",
        "nhs",
        "A campaign calling for a fully funded pay settlement and safe staffing on wards.",
        ("Ward Voices Network",),
        ("Fair Shifts", "safe staffing"),
        "support a fully funded pay settlement and safe staffing levels",
    ),
    CampaignBank(
        "welcome-without-walls",
        "Welcome Without Walls",
        "immigration",
        "A campaign asking MPs to end the housing of people seeking asylum in large camps.",
        ("Open Harbour Coalition", "Carrowby Refugee Friends"),
        ("Welcome Without Walls", "asylum accommodation"),
        "oppose the use of large sites to house people seeking asylum",
    ),
    CampaignBank(
        "net-zero-neighbours",
        "Net Zero Neighbours",
        "climate",
        "A campaign for a street-by-street programme to insulate homes and cut emissions.",
        ("Green Lantern Network", "Wexmoor Climate Circle"),
        ("Net Zero Neighbours", "insulation"),
        "vote for a binding target to insulate every home",
    ),
    CampaignBank(
        "small-classes-big-futures",
        "Small Classes, Big Futures",
        "education",
        "A parents' campaign for a limit on class sizes in primary schools.",
        ("Parents for Smaller Classes",),
        ("Small Classes", "class sizes"),
        "support a legal limit on primary class sizes",
    ),
    CampaignBank(
        "care-that-counts",
        "Care That Counts",
        "social-care",
        "A campaign for a national minimum wage for care workers above the legal minimum.",
        ("Carers Kinship Trust", "Hessel Valley Care Partnership"),
        ("Care That Counts", "care workers' pay"),
        "back a higher minimum wage for care workers",
    ),
    CampaignBank(
        "keep-our-buses-running",
        "Keep Our Buses Running",
        "transport",
        "A campaign to protect rural bus routes threatened by cuts to council budgets.",
        ("Rural Routes Collective",),
        ("Keep Our Buses Running", "bus routes"),
        "protect funding for rural bus routes",
    ),
    CampaignBank(
        "warm-homes-promise",
        "Warm Homes Promise",
        "energy-bills",
        "A campaign asking MPs to support a social tariff for households in fuel poverty.",
        ("Fuel Fairness Trust", "Mossel Bay Advice Centre"),
        ("Warm Homes Promise", "social tariff"),
        "support a social tariff for energy",
    ),
    CampaignBank(
        "clear-streams-pledge",
        "Clear Streams Pledge",
        "water-quality",
        "A campaign asking MPs to pledge to end sewage discharges into rivers and seas.",
        ("Riverkeepers of the Vennel", "Surfers for Clear Streams"),
        ("Clear Streams", "sewage"),
        "pledge to end routine sewage discharges",
    ),
    CampaignBank(
        "paws-for-change",
        "Paws for Change",
        "animal-welfare",
        "A campaign to end the live export of animals and tighten rules on pet imports.",
        ("Hollinford Animal Sanctuary Trust",),
        ("Paws for Change", "live exports"),
        "support a ban on live exports",
    ),
    CampaignBank(
        "promise-kept",
        "Promise Kept",
        "overseas-aid",
        "A campaign calling on the Government to restore the aid budget to its former level.",
        ("Promise Kept Coalition", "Bridges Abroad"),
        ("Promise Kept", "aid budget"),
        "call for the aid budget to be restored",
    ),
    CampaignBank(
        "safe-screens-charter",
        "Safe Screens Charter",
        "online-safety",
        "A campaign for a statutory duty of care on social media companies towards children.",
        ("Safe Screens Parents Network",),
        ("Safe Screens", "duty of care"),
        "support a statutory duty of care for social media firms",
    ),
    CampaignBank(
        "hedgerow-futures",
        "Hedgerow Futures",
        "farming",
        "A campaign asking MPs to protect funding for farmers who restore hedgerows.",
        ("Tenant Growers Union", "Hedgerow Futures Alliance"),
        ("Hedgerow Futures", "hedgerows"),
        "protect funding for nature-friendly farming",
    ),
    CampaignBank(
        "fair-pensions-pledge",
        "Fair Pensions Pledge",
        "pensions",
        "A campaign seeking fair compensation for those not told of changes to their pension age.",
        ("Fair Pensions Pledge Group",),
        ("Fair Pensions", "pension age"),
        "support fair compensation for those affected",
    ),
    CampaignBank(
        "minds-matter-locally",
        "Minds Matter Locally",
        "mental-health",
        "A campaign for a mental health practitioner in every school and college.",
        ("Minds Matter Network", "Kellow Youth Project"),
        ("Minds Matter", "school counsellors"),
        "back a mental health practitioner in every school",
    ),
)

# ---------------------------------------------------------------------------
# The phrase bank


def phrase_bank(text: str) -> tuple[str, ...]:
    """A bank of phrases written as one string, its choices separated by "|"."""
    return tuple(text.split("|"))


GENERIC: dict[str, tuple[str, ...]] = {
    key: phrase_bank(value)
    for key, value in {
        "believe": "I believe|I firmly believe|I am clear|it is my view|I remain convinced|I "
        "have always argued|I am in no doubt|my own view is|I genuinely think|I am persuaded",
        "important": "vital|essential|important|crucial|right|necessary|sensible|only fair",
        "gov": "the Government|the Department|the Treasury|the Secretary of State"
        "|the Prime Minister|the relevant Minister",
        "commit": "has committed|has pledged|has set aside|is investing|has allocated|has "
        "announced|has earmarked|has promised",
        "amount": "£{n2} million|£{n1}.{d} billion|more than £{n2} million|an additional "
        "£{n3} million|around £{n1}.{d} billion|£{n3} million",
        "for_to": "for|towards|to support|to fund",
        "time": "over the next {n1} years|by the end of this Parliament|before the end of the "
        "decade|in the coming months|this year|over the spending review period|within {n1} "
        "years|over the course of this Parliament",
        "serious": "pressing|serious|significant|difficult|urgent|complex",
        "challenges": "challenges|problems|issues|questions",
        "should": "should|will|ought to|is designed to|is expected to",
        "help": "help|help to|do much to|make it easier to|begin to",
        "hope": "hope|expect|trust|am confident",
        "real": "real|lasting|meaningful|genuine|practical|tangible",
        "know": "know|understand|appreciate|recognise|am aware",
        "many": "many|a great many|a number of|so many|countless|several",
        "worry": "worry|are anxious|are concerned|feel strongly|have real fears",
        "share": "share|understand|recognise|take seriously|do not dismiss",
        "concerns": "those concerns|their concerns|these worries|that frustration|those anxieties",
        "consulting": "consulting|seeking views|gathering evidence|taking advice",
        "await": "await|look forward to|will study|will read",
        "adv": "carefully|closely|with interest|with great interest|in detail",
        "delivered": "delivered|implemented|rolled out|introduced|put in place",
        "manner": "quickly|fairly|properly|without delay|in a way that works|in full",
        "benefit": "see the benefit|feel the difference|are not left behind|get the support "
        "they need|can rely on it",
        "raised": "raised|discussed|taken up|pursued",
        "minister": "the Minister responsible|the Secretary of State|Ministers|the relevant "
        "Minister|the Minister directly",
        "occasion": "on several occasions|in Parliament|more than once|at a recent meeting|in "
        "writing|during a recent debate|at Question Time",
        "in_view": "in my view|to my mind|in my judgement|as I see it|however",
        "solve": "solve|fix|resolve|address|tackle",
        "changed": "grown|risen|increased|worsened",
        "keep_working": "continue to work|work closely|keep working|engage constructively"
        "|work in partnership",
        "partners": "local councils|charities|employers|the devolved administrations|community "
        "groups|independent experts|businesses|the voluntary sector|trade unions|regulators"
        "|campaigners",
        "be_aware": "know|be aware|have seen|have read",
        "announced": "announced|confirmed|introduced|launched|set out",
        "when_past": "last year|earlier this year|in the last Budget|in the autumn statement"
        "|recently|some months ago",
        "signs": "encouraging|promising|mixed|positive|hopeful",
        "welcome": "welcome|support|am encouraged by|am pleased to see",
        "more_progress": "faster progress|more ambition|greater urgency|clearer targets|more "
        "action|stronger action",
        "many_cap": "Many|A great many|A number of|Several|Dozens of",
        "accounts": "accounts|stories|letters|experiences|messages",
        "moving": "moving|powerful|informative|striking|sobering|persuasive",
        "continue": "continue|do everything I can|make every effort|take every opportunity",
        "press": "press|urge|encourage|call on|lobby",
        "recognise": "recognise|accept|appreciate|understand|acknowledge",
        "affects": "affects|hits|weighs on",
        "unevenly": "unevenly|hardest|in different ways|disproportionately|most severely",
        "policy": "policy|our response|any solution|the Government's approach|national policy",
        "more": "more|much more|a great deal more|still more|further work",
        "arguing": "pressing|arguing|calling|campaigning",
        "offers": "offers|gives|provides",
        "certainty": "certainty|stability|security|confidence|clarity|protection",
        "helps": "helps us|will help us|is a practical way to|gives us a chance to",
        "reviewed": "reviewed|evaluated|kept under review|assessed|revisited",
        "attended": "attended|took part in|spoke at|joined",
        "meeting": "a briefing|a roundtable|a debate in Parliament|a meeting with local "
        "organisations|a cross-party event|a parliamentary drop-in",
        "recently": "recently|last month|a few weeks ago|earlier this year|this spring",
        "directly": "directly|first-hand|at length",
        "my_area": "my own constituency|my surgeries|my casework|the area I represent|my "
        "conversations with residents",
        "back": "back|support|champion|welcome",
        "while_cap": "While|Although|Even though",
        "undo": "undo|reverse|revisit|correct",
        "past_decision": "decision|mistake|policy of the past|choice made before",
        "step": "a step in the right direction|an important step|a sensible next step|real "
        "progress|a good start",
        "respond": "respond|contribute|reply|make a submission",
        "consultation": "consultation|public consultation|call for evidence|review",
        "closes": "later this year|in the coming weeks|shortly|at the end of the month|next month",
        "frankly": "Frankly|Honestly|In truth|Put simply|Plainly",
        "neglected": "neglected|overlooked|ignored|put off|left unresolved",
        "overdue": "long overdue|overdue|welcome if belated|badly needed|urgently needed",
        "colleagues": "My colleagues and I|Colleagues from across the House and I|Members on "
        "all sides|Several of my colleagues and I",
        "report": "a full assessment|a clear timetable|an impact assessment|up-to-date figures"
        "|a detailed plan|its evidence",
        "argues": "argues|maintains|believes|is confident|insists",
        "for_motion": "for a recent motion|in favour of an amendment|for a cross-party "
        "amendment|in support of a recent motion",
        "better": "better|more support|a fairer deal|certainty|action|clarity",
        "solved": "solved|fixed|resolved|put right",
        "ultimately": "Ultimately|In the end|Above all|In the long run|Fundamentally",
        "support": "support|help|care|advice",
        "quickly": "quickly|without delay|easily|close to home|without a long wait",
        "spoken": "spoken|listened|talked",
        "local_people": "local residents|people across the constituency|community groups"
        "|local organisations|residents at my surgeries|people on both sides of the debate",
        "clear": "clear|candid|direct|consistent",
        "one_part": "one part|an important part|only part|a necessary part",
        "answer": "answer|solution|picture|response",
        "role": "role|part|contribution|responsibility",
        "test": "test|yardstick|standard",
        "note": "note|am aware|have seen|know",
        "warned": "warned|raised concerns|expressed concern|spoken out",
        "evidence": "evidence|views|concerns|warnings|findings",
        "has_said": "has said|has promised|has indicated|has confirmed",
        "set_out": "set out|publish|announce|share",
        "details": "details|plans|proposals|information|guidance",
        "tackle": "tackle|address|get to grips with|deal with",
        "happy_cap": "I will be happy|I will be glad|I would be pleased|I will make sure",
        "matters": "matters|things|events|plans",
        "understand": "understand|recognise|appreciate|respect",
        "feeling": "strength of feeling|depth of concern|frustration|anger|worry",
        "dismiss": "dismiss|underestimate|take it lightly",
        "works": "works|succeeds|delivers",
        "involved": "involved|consulted|engaged|listened to",
        "parliament": "Parliament|the House of Commons|Westminster|committee|the Chamber",
        "pressed": "pressed|argued|called|pushed",
        "repeatedly": "repeatedly|consistently|more than once|time and again|on several occasions",
        "looking_ahead": "Looking ahead|In the longer term|Over time|In future|Beyond that",
        "extended": "extended|expanded|strengthened|built upon",
        "benefit_from": "benefit from|take advantage of|make use of|rely on",
        "raising": "raising|highlighting|drawing attention to",
        "matter": "matter|issue|subject|question",
        "so_clearly": "so clearly|so effectively|so persistently|with such care",
        "much": "a great deal|much|important work|valuable work",
        "highlight": "highlight|draw attention to|raise awareness of|shine a light on",
        "pledge": "pledge|campaign pledge|petition|pledge card",
        "many_of": "many of|much of|several of|the spirit of",
        "met": "met|spoken|corresponded",
        "supporters": "Supporters|Those behind|Members|The organisers",
        "make": "make|set out|put forward",
        "strong": "strong|compelling|thoughtful|reasonable|powerful",
        "organised": "organised|coordinated|led|run",
        "appreciate": "I appreciate you taking the time to share your views|I am always "
        "grateful to hear from constituents|I value hearing your views|It is helpful to know "
        "your views",
    }.items()
}

SENTENCES: tuple[str, ...] = (
    "{believe} that {issue} is one of the most {serious} {challenges} facing {group} today.",
    "{gov} {commit} {amount} {for_to} {measure} {time}.",
    "This {should} {help} {goal}, and I {hope} it will make a {real} difference for {group}.",
    "I {know} that {many} {group} {worry} about {issue}, and I {share} {concerns}.",
    "{gov} is also {consulting} on {measure}, and I {await} the outcome {adv}.",
    "It is {important} that {measure} is {delivered} {manner}, so that {group} {benefit}.",
    "I have {raised} {issue} with {minister} {occasion}.",
    "{in_view}, {measure} alone will not {solve} {issue}; we also need {measure}.",
    "Recent surveys suggest that concern about {issue} has {changed} by around {pct} per cent "
    "since {year}.",
    "{gov} must {keep_working} with {partners} to {goal}.",
    "As you may {be_aware}, {measure} was {announced} {when_past}, and the early signs are "
    "{signs}.",
    "I {welcome} {measure}, although I would like to see {more_progress} on {issue}.",
    "{many_cap} constituents have written to me about {issue}, and their {accounts} have been "
    "{moving}.",
    "I will {continue} to {press} {gov} to {goal}.",
    "I {recognise} that {issue} {affects} {group} {unevenly}, and {policy} must reflect that.",
    "There is {more} to do, and I will keep {arguing} for {measure}.",
    "I support {measure} because it {offers} {group} {certainty} and {helps} {goal}.",
    "The question is how we {goal} without placing an unfair burden on {group}.",
    "{gov} has made clear that {measure} will be {reviewed} {time}.",
    "I {attended} {meeting} on {issue} {recently}, where I heard {directly} from {group}.",
    "In {my_area}, I have seen how {issue} {affects} {group}, which is why I {back} {measure}.",
    "{while_cap} it is not possible to {undo} every {past_decision}, {believe} that {measure} "
    "is {step}.",
    "I would encourage you to {respond} to the {consultation} on {measure}, which closes {closes}.",
    "{frankly}, {issue} has been {neglected} for too long, and {measure} is {overdue}.",
    "{colleagues} have asked {gov} to publish {report} on {issue}.",
    "{gov} {argues} that {measure} will {goal}, and I will be watching {adv} to see whether it "
    "does.",
    "I voted {for_motion} on {issue} because {believe} that {group} deserve {better}.",
    "It would be wrong to pretend that {issue} can be {solved} overnight.",
    "{ultimately}, {believe} that the best way to {goal} is through {measure}.",
    "Where {group} need {support}, they should be able to get it {quickly}.",
    "I have {spoken} to {local_people} about {issue}, and they have been {clear} about what "
    "needs to change.",
    "{measure} is {one_part} of the {answer}, but {partners} also have a {role} to play.",
    "My priority is to {goal}, and I will judge every proposal against that {test}.",
    "I {note} that {partners} have {warned} about {issue}, and I take their {evidence} seriously.",
    "{gov} {has_said} it will {set_out} further {details} on {measure} {time}.",
    "We cannot {goal} unless we {tackle} {issue}.",
    "{happy_cap} to keep you updated on {measure} as {matters} develop.",
    "I {understand} the {feeling} about {issue}, and I do not {dismiss} it.",
    "The {evidence} from {partners} is that {measure} {works} best when {group} are {involved} "
    "from the start.",
    "In {parliament}, I have {pressed} for {measure} {repeatedly}.",
    "{looking_ahead}, I want to see {measure} {extended} so that more {group} can "
    "{benefit_from} it.",
)

CAMPAIGN_SENTENCES: tuple[str, ...] = (
    "I {know} that the {campaign} campaign has asked MPs to {ask}.",
    "I am grateful to {organiser} for {raising} this {matter} {so_clearly}.",
    "The {campaign} campaign has done {much} to {highlight} {issue}.",
    "While I do not sign every {pledge}, I share {many_of} the aims of the {campaign} campaign.",
    "I have {met} with {organiser} to discuss their call to {ask}.",
    "{supporters} of the {campaign} campaign {make} a {strong} case that {measure} should go "
    "further.",
    "I understand that you are writing as part of the {campaign} campaign, {organised} by "
    "{organiser}.",
)

OPENINGS: tuple[str, ...] = (
    "Thank you for contacting me about {subject}.",
    "Thank you for writing to me about {subject}.",
    "Thank you for getting in touch about {subject}.",
    "Thank you for your recent email about {subject}.",
    "Thank you for your letter regarding {subject}.",
)

CLOSINGS: tuple[str, ...] = (
    "Thank you again for taking the time to write to me.",
    "Thank you again for taking the time to contact me.",
    "Thank you again for taking the time to write to me about this important issue.",
    "Thank you once again for contacting me.",
    "Thank you again for getting in touch, and please do not hesitate to contact me again on "
    "this or any other matter.",
)

PERSONAL: tuple[str, ...] = (
    "I have received a number of letters from constituents in {constituency} on this subject.",
    "This is an issue that many people across {constituency} care deeply about.",
    "As the Member of Parliament for {constituency}, I am always glad to hear from "
    "constituents on matters like this.",
    "I know this matters a great deal to families in {constituency}.",
    "It has been good to hear from so many residents of {constituency} about this.",
    "Several constituents in {constituency} have raised this with me in recent weeks.",
)

SYNONYMS: dict[str, str] = {
    "vital": "essential",
    "essential": "vital",
    "crucial": "critical",
    "important": "significant",
    "carefully": "closely",
    "closely": "carefully",
    "believe": "think",
    "recognise": "accept",
    "welcome": "applaud",
    "serious": "grave",
    "real": "genuine",
    "genuine": "real",
    "quickly": "promptly",
    "help": "assist",
    "concerns": "worries",
    "worries": "concerns",
    "issue": "matter",
    "matter": "issue",
    "clear": "plain",
    "recently": "lately",
    "further": "additional",
    "strong": "robust",
    "many": "numerous",
    "fairly": "justly",
    "powerful": "compelling",
    "urgent": "pressing",
}

SOURCES = (
    "Paper letter, signed by hand (transcript)",
    "Paper letter (transcript)",
    "E-mail reply (transcript)",
    "E-mail reply with the letter attached as a PDF (transcript)",
    "Photograph of a paper letter, shared by the constituent (transcript)",
)

NOTES = (
    "A handwritten signature.",
    "A handwritten signature in blue ink.",
    "A handwritten signature in black ink, appearing to read '{name}'.",
    "A printed signature.",
    "An electronic signature.",
)

# ---------------------------------------------------------------------------
# Expanding templates

_SLOT = re.compile(r"\{(\w+)\}")
NUMBERS: dict[str, Callable[[Random], str]] = {
    "n1": lambda rng: str(rng.randint(2, 9)),
    "n2": lambda rng: str(rng.randint(12, 95)),
    "n3": lambda rng: str(rng.randint(110, 950)),
    "d": lambda rng: str(rng.randint(1, 9)),
    "pct": lambda rng: str(rng.randint(3, 48)),
    "year": lambda rng: str(rng.randint(2004, 2009)),
}


def expand(template: str, rng: Random, context: Mapping[str, Sequence[str]]) -> str:
    """Fill every ``{slot}`` from ``context``, the generic bank or a number, recursively."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        choices = context.get(name) or GENERIC.get(name)
        if choices:
            return expand(rng.choice(choices), rng, context)
        return NUMBERS[name](rng)

    return _SLOT.sub(fill, template)


def sentence(template: str, rng: Random, context: Mapping[str, Sequence[str]]) -> str:
    text = expand(template, rng, context)
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    """The project's slug rule (``dearconstituent.slugs.slugify``), restated without imports."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['\u2019\u2018`]", "", folded.lower().replace("&", " and "))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _normal_text(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# ---------------------------------------------------------------------------
# Members and their seats


@dataclass(frozen=True)
class Term:
    constituency: str
    party: str
    parliament: int

    @property
    def start(self) -> dt.date:
        return PARLIAMENTS[self.parliament][0]

    @property
    def end(self) -> dt.date | None:
        return PARLIAMENTS[self.parliament][1]

    @property
    def last_letter_day(self) -> dt.date:
        end = self.end
        return LAST_DAY if end is None else min(end, LAST_DAY)


@dataclass(frozen=True)
class Member:
    name: str
    terms: tuple[Term, ...]

    def term_in(self, parliament: int) -> Term | None:
        for term in self.terms:
            if term.parliament == parliament:
                return term
        return None


class _Places:
    """Invented constituency names, and which Parliaments each is already held in."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.names: list[str] = []
        self.slugs: set[str] = set()
        self.held: dict[str, set[int]] = {}

    def _place(self) -> str:
        return self.rng.choice(_PLACE_STEMS) + self.rng.choice(_PLACE_TAILS)

    def new(self) -> str:
        while True:
            shape = self.rng.random()
            if shape < 0.45:
                name = self._place()
            elif shape < 0.75:
                name = f"{self._place()} and {self._place()}"
            elif shape < 0.93:
                name = f"{self._place()} {self.rng.choice(_COMPASS)}"
            else:
                name = f"Vale of {self._place()}"
            slug = slugify(name)
            if slug not in self.slugs and name not in REAL_NAMES:
                self.slugs.add(slug)
                self.names.append(name)
                self.held[name] = set()
                return name

    def vacant(self, parliament: int) -> str | None:
        """A seat someone held in another Parliament that nobody holds in this one."""
        for _ in range(8):
            if not self.names:
                return None
            name = self.rng.choice(self.names)
            if parliament not in self.held[name]:
                return name
        return None

    def take(self, name: str, parliament: int) -> str:
        self.held[name].add(parliament)
        return name


def _member_names(rng: Random, count: int) -> list[str]:
    possible = len(_FIRST_NAMES) * len(_SURNAME_HEADS) * len(_SURNAME_TAILS)
    if count > possible // 2:
        raise ValueError(f"at most {possible // 2} members can be named; ask for fewer letters")
    names: list[str] = []
    slugs: set[str] = set()
    while len(names) < count:
        name = (
            f"{rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAME_HEADS)}{rng.choice(_SURNAME_TAILS)}"
        )
        slug = slugify(name)
        if slug not in slugs and name not in REAL_NAMES:
            slugs.add(slug)
            names.append(name)
    return names


def make_members(rng: Random, count: int) -> list[Member]:
    """``count`` members, each with one to three consecutive terms."""
    places = _Places(rng)
    members: list[Member] = []
    last = len(PARLIAMENTS) - 1
    for index, name in enumerate(_member_names(rng, count)):
        length = rng.choices((1, 2, 3), weights=(40, 35, 25))[0]
        # The first three members sit in the 2019 Parliament, so every corpus
        # has a Parliament with enough members for template families.
        first = rng.randint(max(0, 4 - length), 3) if index < 3 else rng.randint(0, last)
        parliaments = range(first, min(first + length, last + 1))
        terms: list[Term] = []
        party = rng.choice(PARTIES)
        seat: str | None = None
        for parliament in parliaments:
            if terms and rng.random() < 0.15:
                party = rng.choice([other for other in PARTIES if other != party])
            # A member usually keeps their seat; some move (more often at the
            # boundary changes of 2024), and a new seat is sometimes one that
            # another member held in an earlier or later Parliament.
            moving = rng.random() < (0.3 if parliament == last else 0.08)
            if seat is None or moving or parliament in places.held[seat]:
                vacant = places.vacant(parliament) if rng.random() < 0.3 else None
                seat = vacant or places.new()
            terms.append(Term(places.take(seat, parliament), party, parliament))
        members.append(Member(name, tuple(terms)))
    return members


# ---------------------------------------------------------------------------
# Dates


MONTHS = _words(
    "January February March April May June July August September October November December"
)
"""English month names, whatever the locale (``calendar.month_name`` follows it)."""


@dataclass(frozen=True, order=True)
class LetterDate:
    year: int
    month: int
    day: int | None = None

    def iso(self) -> str:
        month = f"{self.year:04d}-{self.month:02d}"
        return month if self.day is None else f"{month}-{self.day:02d}"

    def as_written(self) -> str:
        month = f"{MONTHS[self.month - 1]} {self.year}"
        return month if self.day is None else f"{self.day} {month}"


def _day_between(rng: Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _letter_date(rng: Random, day: dt.date, first: dt.date, last: dt.date) -> LetterDate:
    """``day``, or (one time in ten) its month when the whole month lies in [first, last]."""
    if rng.random() < 0.1:
        month_end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if day.replace(day=1) >= first and month_end <= last:
            return LetterDate(day.year, day.month)
    return LetterDate(day.year, day.month, day.day)


# ---------------------------------------------------------------------------
# Letter texts


@dataclass(frozen=True)
class Context:
    """What a text is about: a topic's vocabulary, and a campaign's when there is one."""

    topic: TopicBank
    campaign: CampaignBank | None

    def slots(self) -> dict[str, Sequence[str]]:
        slots: dict[str, Sequence[str]] = {
            "subject": self.topic.subjects,
            "issue": self.topic.issues,
            "measure": self.topic.measures,
            "group": self.topic.groups,
            "goal": self.topic.goals,
        }
        if self.campaign is not None:
            slots["campaign"] = (self.campaign.title,)
            slots["organiser"] = self.campaign.organisers
            slots["ask"] = (self.campaign.ask,)
        return slots


@dataclass
class Draft:
    """A letter's words: paragraphs between the salutation and the sign-off."""

    opening: list[str]
    paragraphs: list[list[str]]
    closing: str

    def copy(self) -> Draft:
        return Draft(list(self.opening), [list(p) for p in self.paragraphs], self.closing)

    def texts(self) -> list[str]:
        return [
            " ".join(self.opening),
            *(" ".join(paragraph) for paragraph in self.paragraphs),
            self.closing,
        ]

    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts())


def write_draft(
    rng: Random,
    context: Context,
    *,
    words: tuple[int, int],
    paragraphs: tuple[int, int],
    opening: str | None = None,
) -> Draft:
    """A fresh text of about ``words`` words in ``paragraphs`` paragraphs (both inclusive)."""
    slots = context.slots()
    first = sentence(opening or rng.choice(OPENINGS), rng, slots)
    lead = [first]
    if rng.random() < 0.4:
        lead.append(sentence("{appreciate}.", rng, slots))
    target = rng.randint(*words)
    count = rng.randint(*paragraphs) - 2
    templates = list(SENTENCES)
    rng.shuffle(templates)
    if context.campaign is not None:
        extra = rng.sample(CAMPAIGN_SENTENCES, rng.randint(1, 3))
        for position, template in enumerate(extra):
            templates.insert(min(position * 3, len(templates)), template)
    body: list[list[str]] = [[] for _ in range(count)]
    used = sum(len(text.split()) for text in lead) + 12
    for index, template in enumerate(templates, start=1):
        text = sentence(template, rng, slots)
        body[(index - 1) % count].append(text)
        used += len(text.split())
        if used >= target and index >= 2 * count:
            break
    closing = rng.choice(CLOSINGS)
    return Draft(lead, body, closing)


def personalise(rng: Random, draft: Draft, context: Context, constituency: str) -> Draft:
    """A family member's copy of ``draft``: the base text with light edits of its own."""
    slots = context.slots()
    copy = draft.copy()
    edits = [rng.random() < p for p in (0.55, 0.35, 0.2, 0.35)]
    if not any(edits):
        edits[0] = True
    personal, add, drop, change = edits
    if personal:
        copy.opening.insert(1, expand(rng.choice(PERSONAL), rng, {"constituency": (constituency,)}))
    if add:
        paragraph = rng.choice(copy.paragraphs)
        paragraph.insert(
            rng.randint(0, len(paragraph)), sentence(rng.choice(SENTENCES), rng, slots)
        )
    if drop and len(copy.paragraphs) >= 4:
        del copy.paragraphs[rng.randrange(1, len(copy.paragraphs))]
    if change:
        _change_words(rng, copy)
    return copy


def _change_words(rng: Random, draft: Draft) -> None:
    for _ in range(rng.randint(1, 2)):
        paragraph = rng.choice(draft.paragraphs)
        position = rng.randrange(len(paragraph))
        tokens = re.split(r"(\W+)", paragraph[position])
        candidates = [i for i, token in enumerate(tokens) if token.lower() in SYNONYMS]
        for i in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
            word = SYNONYMS[tokens[i].lower()]
            tokens[i] = word[:1].upper() + word[1:] if tokens[i][:1].isupper() else word
        paragraph[position] = "".join(tokens)


# ---------------------------------------------------------------------------
# Letters


@dataclass(frozen=True)
class LetterPlan:
    member: Member
    term: Term
    date: LetterDate
    context: Context
    topics: tuple[str, ...]
    title: str
    subject_line: bool
    family: str | None


def _title(rng: Random, context: Context) -> str:
    slots = context.slots()
    patterns: tuple[str, ...]
    if context.campaign is not None and rng.random() < 0.7:
        patterns = (
            "{campaign}",
            "Response to the {campaign} campaign",
            "The {campaign} campaign: my reply",
            "Your message about the {campaign} campaign",
        )
    else:
        patterns = (
            "Reply on {subject}",
            "Your letter about {subject}",
            "On {measure}",
            "{subject}",
            "My position on {subject}",
            "Update on {measure}",
        )
    return sentence(rng.choice(patterns), rng, slots)


def _topics(rng: Random, primary: str, available: Sequence[str]) -> tuple[str, ...]:
    if rng.random() < 0.2:
        other = rng.choice(available)
        if other != primary:
            return (primary, other)
    return (primary,)


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that is safe, double-quoted otherwise."""
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'()-]*", text) and not re.search(
        r"(^(yes|no|true|false|on|off|null|y|n)$)|[ ,]$", text, re.IGNORECASE
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _front_matter(plan: LetterPlan, rng: Random) -> list[str]:
    lines = [
        "---",
        f"title: {_scalar(plan.title)}",
        f"date: {plan.date.iso()}",
        f"signatory: {_scalar(plan.member.name)}",
        f"constituency: {_scalar(plan.term.constituency)}",
        "topics:",
        *(f"  - {topic}" for topic in plan.topics),
    ]
    if plan.context.campaign is not None:
        lines.append(f"campaign: {plan.context.campaign.slug}")
    if rng.random() < 0.3:
        summary = sentence(
            rng.choice(
                (
                    "{name} replies to a constituent about {subject}.",
                    "{name} sets out their position on {measure}.",
                    "A reply about {subject}, mentioning {measure}.",
                )
            ),
            rng,
            {**plan.context.slots(), "name": (plan.member.name,)},
        )
        lines.append(f"summary: {_scalar(summary)}")
    if rng.random() < 0.7:
        lines.append(f"source: {_scalar(rng.choice(SOURCES))}")
    lines.append("---")
    return lines


def render_letter(plan: LetterPlan, draft: Draft, rng: Random) -> str:
    """The whole letter file: front matter, then the body in the letter markup."""
    lines = _front_matter(plan, rng)
    lines += ["", "::: letterhead", "HOUSE OF COMMONS", "LONDON SW1A 0AA", ":::", ""]
    lines += ["::: date", plan.date.as_written(), ":::", ""]
    lines += ["::: salutation", "Dear Constituent,", ":::", ""]
    if plan.subject_line:
        lines += ["::: subject", plan.title, ":::", ""]
    for text in draft.texts():
        lines += [text, ""]
    lines += ["::: sign-off", "Yours sincerely,", ""]
    if rng.random() < 0.6:
        note = rng.choice(NOTES).replace("{name}", plan.member.name)
        lines += ["::: note", note, ":::", ""]
    lines += [f"{plan.member.name} MP", f"Member of Parliament for {plan.term.constituency}", ":::"]
    return "\n".join(lines) + "\n"


def _words_key(plan: LetterPlan, draft: Draft) -> str:
    """What the validator compares to find the same text published twice (near enough)."""
    return _normal_text(
        " ".join([plan.date.as_written(), *draft.texts(), plan.member.name, plan.term.constituency])
    )


# ---------------------------------------------------------------------------
# Registers


def _yaml_list(items: Sequence[str], indent: str) -> list[str]:
    return [f"{indent}- {_scalar(item)}" for item in items]


def members_yaml(members: Sequence[Member]) -> str:
    lines = ["# Generated by benchmarks/corpus.py: every name here is invented."]
    for member in members:
        lines += [f"- name: {_scalar(member.name)}", "  seats:"]
        for term in member.terms:
            lines += [
                f"    - constituency: {_scalar(term.constituency)}",
                f"      party: {_scalar(term.party)}",
                f"      from: {term.start.isoformat()}",
            ]
            if term.end is not None:
                lines.append(f"      to: {term.end.isoformat()}")
    return "\n".join(lines) + "\n"


def parliaments_yaml() -> str:
    """The invented Parliaments, numbered as Parliament numbers its own since 2010."""
    lines = ["# Generated by benchmarks/corpus.py."]
    for number, (start, end) in enumerate(PARLIAMENTS, start=55):
        lines += [f"- number: {number}", f"  from: {start.isoformat()}"]
        if end is not None:
            lines.append(f"  to: {end.isoformat()}")
    return "\n".join(lines) + "\n"


def topics_yaml(topics: Sequence[TopicBank]) -> str:
    lines = ["# Generated by benchmarks/corpus.py."]
    for topic in topics:
        lines += [
            f"{topic.slug}:",
            f"  title: {_scalar(topic.title)}",
            f"  description: {_scalar(topic.description)}",
            "  keywords:",
            *_yaml_list(topic.keywords, "    "),
        ]
    return "\n".join(lines) + "\n"


def campaigns_yaml(campaigns: Sequence[tuple[CampaignBank, dt.date]]) -> str:
    lines = ["# Generated by benchmarks/corpus.py: every campaign and organiser is invented."]
    for campaign, started in campaigns:
        lines += [
            f"{campaign.slug}:",
            f"  title: {_scalar(campaign.title)}",
            f"  description: {_scalar(campaign.description)}",
            f"  started: {started.isoformat()}",
            "  organisers:",
            *_yaml_list(campaign.organisers, "    "),
            "  keywords:",
            *_yaml_list(campaign.keywords, "    "),
        ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# The corpus


@dataclass(frozen=True)
class Corpus:
    """What :func:`generate_corpus` wrote."""

    docs_dir: Path
    letters: list[Path]
    families: dict[str, str | None]
    """Letter path below ``docs_dir`` (posix) → template family id, or None for a one-off."""


@dataclass
class _Plans:
    """Every letter planned so far, with the keys that must stay unique."""

    items: list[tuple[LetterPlan, Draft]] = field(default_factory=list)
    titles: set[tuple[str, str, str]] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)

    def unique_title(self, member: Member, date: LetterDate, title: str) -> str:
        candidate = title
        for attempt in range(2, 1000):
            key = (member.name, date.iso(), _normal_text(candidate))
            if key not in self.titles:
                self.titles.add(key)
                return candidate
            candidate = f"{title} (reply {attempt})"
        raise RuntimeError("no unique title")  # pragma: no cover

    def add(self, rng: Random, plan: LetterPlan, draft: Draft) -> None:
        while (key := _words_key(plan, draft)) in self.texts:
            draft.opening.append(sentence(rng.choice(SENTENCES), rng, plan.context.slots()))
        self.texts.add(key)
        self.items.append((plan, draft))


@dataclass
class _World:
    """The registers of one corpus: what its letters may refer to."""

    topics: list[TopicBank]
    campaigns: list[tuple[CampaignBank, dt.date]]
    members: list[Member]
    sitting: list[list[Member]] = field(init=False)
    """The members of each Parliament, by index in :data:`PARLIAMENTS`."""

    def __post_init__(self) -> None:
        self.sitting = [self.serving(p) for p in range(len(PARLIAMENTS))]

    @property
    def topic_slugs(self) -> list[str]:
        return [topic.slug for topic in self.topics]

    def topic(self, slug: str) -> TopicBank:
        return next(topic for topic in self.topics if topic.slug == slug)

    def serving(self, parliament: int) -> list[Member]:
        return [member for member in self.members if member.term_in(parliament)]


def _family_size(rng: Random) -> int:
    roll = rng.random()
    if roll < 0.55:
        return rng.randint(2, 5)
    if roll < 0.85:
        return rng.randint(6, 15)
    if roll < 0.97:
        return rng.randint(16, 35)
    return rng.randint(36, 60)


def generate_corpus(
    root: Path, *, letters: int, seed: int = 0, family_share: float = 0.7
) -> Corpus:
    """Write a fictional archive of ``letters`` letters under ``root/docs``.

    ``round(letters * family_share)`` letters belong to template families
    (unless that is a single letter, which could form no family); the rest
    are one-offs. The same arguments give the same files.
    ``root/docs/letters`` is replaced if an earlier run of this generator
    wrote it; a folder of letters from anywhere else is refused.
    """
    if letters < 0:
        raise ValueError("letters must be zero or more")
    if not 0.0 <= family_share <= 1.0:
        raise ValueError("family_share must be between 0 and 1")
    rng = Random(f"dear-constituent-corpus/{seed}/{letters}/{family_share}")

    topic_count = rng.randint(12, min(20, len(TOPICS)))
    sampled = rng.sample(range(len(TOPICS)), topic_count)
    topics = [TOPICS[index] for index in sorted(sampled)]
    by_slug = {topic.slug: topic for topic in topics}
    eligible = [c for c in CAMPAIGNS if c.topic in by_slug]
    chosen = sorted(rng.sample(range(len(eligible)), rng.randint(6, min(10, len(eligible)))))
    campaigns = [
        (eligible[index], _day_between(rng, dt.date(2010, 3, 1), dt.date(2023, 6, 30)))
        for index in chosen
    ]
    world = _World(topics, campaigns, make_members(rng, max(5, round(letters / 15))))

    plans = _Plans()
    family_letters = round(letters * family_share)
    family_count = 0
    remaining = family_letters
    while remaining >= 2:
        family_count += 1
        family = f"family-{family_count:04d}"
        remaining -= _plan_family(rng, family, remaining, world, plans)
    for _ in range(letters - len(plans.items)):
        _plan_one_off(rng, world, plans)
    return _write(root, plans, world, seed)


def _plan_family(
    rng: Random,
    family: str,
    remaining: int,
    world: _World,
    plans: _Plans,
) -> int:
    """Plan one template family of at most ``remaining`` letters; return its size."""
    campaign: CampaignBank | None = None
    started = PARLIAMENTS[0][0]
    if world.campaigns and rng.random() < 0.5:
        campaign, started = rng.choice(world.campaigns)
    # With three or more members to choose from, a family's size can always
    # be adjusted so that no single letter is left over.
    need = min(3, remaining)
    parliaments = [
        p
        for p, sitting in enumerate(world.sitting)
        if len(sitting) >= need and _last_day(p) > started + dt.timedelta(days=30)
    ]
    if not parliaments:
        campaign, started = None, PARLIAMENTS[0][0]
        parliaments = [p for p, sitting in enumerate(world.sitting) if len(sitting) >= need]
    parliament = rng.choices(
        parliaments, weights=[(_last_day(p) - PARLIAMENTS[p][0]).days for p in parliaments]
    )[0]
    topic = world.topic(campaign.topic) if campaign else rng.choice(world.topics)
    context = Context(topic, campaign)

    sitting = world.sitting[parliament]
    size = min(_family_size(rng), remaining, len(sitting))
    if remaining - size == 1 and size < len(sitting):
        size += 1  # never leave a single letter over: it could form no family
    elif remaining - size == 1 and size > 2:
        size -= 1
    first = max(PARLIAMENTS[parliament][0], started)
    last = _last_day(parliament)
    window = rng.randint(20, 240)
    opens = _day_between(rng, first, last - dt.timedelta(days=window))
    closes = min(last, opens + dt.timedelta(days=window))

    base = write_draft(rng, context, words=(260, 480), paragraphs=(5, 9))
    title = _title(rng, context)
    letter_topics = _topics(rng, topic.slug, world.topic_slugs)
    subject_line = rng.random() < 0.5
    for member in rng.sample(list(sitting), size):
        term = member.term_in(parliament)
        assert term is not None
        date = _letter_date(rng, _day_between(rng, opens, closes), term.start, last)
        plan = LetterPlan(
            member,
            term,
            date,
            context,
            letter_topics,
            plans.unique_title(member, date, title),
            subject_line,
            family,
        )
        plans.add(rng, plan, personalise(rng, base, context, term.constituency))
    return size


def _last_day(parliament: int) -> dt.date:
    end = PARLIAMENTS[parliament][1]
    return LAST_DAY if end is None else min(end, LAST_DAY)


def _plan_one_off(rng: Random, world: _World, plans: _Plans) -> None:
    """Plan one letter in its writer's own words, on any day of any of their terms."""
    member = rng.choice(world.members)
    term = rng.choices(
        member.terms, weights=[(t.last_letter_day - t.start).days + 1 for t in member.terms]
    )[0]
    date = _letter_date(
        rng, _day_between(rng, term.start, term.last_letter_day), term.start, term.last_letter_day
    )
    first_day = dt.date(date.year, date.month, date.day or 1)
    running = [c for c, started in world.campaigns if started <= first_day]
    campaign = rng.choice(running) if running and rng.random() < 0.5 else None
    topic = world.topic(campaign.topic) if campaign else rng.choice(world.topics)
    context = Context(topic, campaign)
    draft = write_draft(rng, context, words=(150, 420), paragraphs=(4, 8))
    if rng.random() < 0.3:
        personal = expand(rng.choice(PERSONAL), rng, {"constituency": (term.constituency,)})
        draft.opening.insert(1, personal)
    plan = LetterPlan(
        member,
        term,
        date,
        context,
        _topics(rng, topic.slug, world.topic_slugs),
        plans.unique_title(member, date, _title(rng, context)),
        rng.random() < 0.5,
        None,
    )
    plans.add(rng, plan, draft)


def _write(root: Path, plans: _Plans, world: _World, seed: int) -> Corpus:
    docs = root / "docs"
    letters_dir = docs / "letters"
    if letters_dir.exists():
        if not (letters_dir / MARKER).is_file() and any(letters_dir.iterdir()):
            raise FileExistsError(
                f"{letters_dir} holds letters this generator did not write; choose an empty folder"
            )
        shutil.rmtree(letters_dir)
    data = docs / "_data"
    data.mkdir(parents=True, exist_ok=True)
    letters_dir.mkdir()
    (letters_dir / MARKER).write_text("Written by benchmarks/corpus.py; replaced on each run.\n")
    (data / "members.yml").write_text(members_yaml(world.members), encoding="utf-8")
    (data / "parliaments.yml").write_text(parliaments_yaml(), encoding="utf-8")
    (data / "topics.yml").write_text(topics_yaml(world.topics), encoding="utf-8")
    (data / "campaigns.yml").write_text(campaigns_yaml(world.campaigns), encoding="utf-8")
    (data / "allowlist.yml").write_text("[]\n", encoding="utf-8")
    (docs / "index.md").write_text("# Dear Constituent (generated corpus)\n", encoding="utf-8")

    names: set[str] = set()
    families: dict[str, str | None] = {}
    paths: list[Path] = []
    years: set[int] = set()
    # Each letter gets its own random stream, so that its front matter and
    # signature choices do not shift when another letter changes.
    for number, (plan, draft) in enumerate(plans.items):
        letter_rng = Random(f"{seed}/{number}/{plan.member.name}/{plan.date.iso()}")
        subject = _subject_slug(plan, letter_rng)
        stem = f"{plan.date.iso()}-{slugify(plan.member.name)}-{subject}"
        candidate, attempt = stem, 1
        while candidate in names:
            attempt += 1
            candidate = f"{stem}-{attempt}"
        names.add(candidate)
        if plan.date.year not in years:
            (letters_dir / str(plan.date.year)).mkdir()
            years.add(plan.date.year)
        relative = f"letters/{plan.date.year}/{candidate}.md"
        path = docs / relative
        path.write_text(render_letter(plan, draft, letter_rng), encoding="utf-8")
        families[relative] = plan.family
        paths.append(path)
    return Corpus(docs_dir=docs, letters=sorted(paths), families=dict(sorted(families.items())))


def _subject_slug(plan: LetterPlan, rng: Random) -> str:
    campaign = plan.context.campaign
    if campaign is not None and rng.random() < 0.5:
        return campaign.slug
    words = slugify(plan.title).split("-")
    return "-".join(words[:7])


# ---------------------------------------------------------------------------
# Command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="corpus.py", description="Write a fictional archive of letters for benchmarks."
    )
    parser.add_argument("root", type=Path, help="folder to write docs/ into")
    parser.add_argument("--letters", type=int, required=True, help="how many letters")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--family-share",
        type=float,
        default=0.7,
        help="share of letters that belong to template families (default: 0.7)",
    )
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        corpus = generate_corpus(
            arguments.root,
            letters=arguments.letters,
            seed=arguments.seed,
            family_share=arguments.family_share,
        )
    except (ValueError, FileExistsError) as error:
        parser.error(str(error))
    elapsed = time.perf_counter() - started
    family_ids = {family for family in corpus.families.values() if family is not None}
    one_offs = sum(family is None for family in corpus.families.values())
    print(
        f"wrote {len(corpus.letters)} letters ({len(family_ids)} template families, "
        f"{one_offs} one-offs) to {corpus.docs_dir} in {elapsed:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
