"""Events found in code from the dependency parse (the `hybrid` and `parse` strategies), on hand-made text."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from summarise.backends.fake import FakeBackend
from summarise.config import Settings
from summarise.extract.article_events import find_events, sexes
from summarise.extract.attribution import find_attributions, parse_article
from summarise.extract.events import _subject
from summarise.ingest import load_text
from summarise.pipeline import summarise
from summarise.schema import ArticleSummary
from summarise.timex import tag_times

PARSE = Settings(backend="fake", strategy="parse", cache=False)
"""The parse strategy alone, uncached: the rules under test, no model."""


def found(text: str) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    doc = load_text(text)
    article = parse_article(doc)
    return [(e.actor, e.action, e.targets, e.where) for e in find_events(doc, article, find_attributions(doc, article))]


def event_times(result: ArticleSummary) -> dict[str, str | None]:
    """Each event's trigger word (else its action) -> its time's value."""
    return {e.trigger.text if e.trigger else e.action: e.time.value if e.time else None for e in result.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject, verb, object; the place after "in" is where, not a target
        (
            "Mayor Jane Roux opened the new bridge in Lyon on Monday.",
            [("Mayor Jane Roux", "opened the new bridge in Lyon", (), "Lyon")],
        ),
        # each of two publishers is an actor of its own
        (
            "The Times and The Post published reports on Monday.",
            [("The Times", "published reports", (), None), ("The Post", "published reports", (), None)],
        ),
        # but a thing done together is one event, the first party's with the others
        (
            "Russia and North Korea discussed a weapons sale.",
            [("Russia", "discussed a weapons sale", ("North Korea",), None)],
        ),
        # the agent of a passive participle; the praising is a statement, left to the claims
        (
            "Kim praised the army during a lunch hosted by the Russian president.",
            [("Kim", "praised the army", (), None), ("the Russian president", "hosted a lunch", (), None)],
        ),
        # a verb without a subject of its own takes its head's ("willing to meet")
        (
            "Prime Minister Fumio Kishida is willing to meet Kim Jong Un without preconditions.",
            [("Prime Minister Fumio Kishida", "meet Kim Jong Un", ("Kim Jong Un",), None)],
        ),
        # saying is not an event, what was said about may be; a warning is both
        (
            "Jane Roux said the city council approved the budget. The US warned North Korea on Wednesday.",
            [
                ("the city council", "approved the budget", (), None),
                ("The US", "warned North Korea", ("North Korea",), None),
            ],
        ),
        # a saying verb that carries no claim but acts on something is an act; one that says nothing is neither
        (
            "Harbour Mills reported a 49% decline. Air Lyon has ordered 20 new jets. "
            "The Kremlin refused to comment on the meeting. Profits were better than analysts had predicted. "
            "The deal is said to be worth $2 billion.",
            [
                ("Harbour Mills", "reported a 49% decline", (), None),
                ("Air Lyon", "ordered 20 new jets", (), None),
            ],
        ),
        # a saying verb whose object is a thing or a party acts on it, claim or not; expressing and naming do not
        (
            "Chrysler asked the government for $5 billion in aid. The mayor expressed her disappointment. "
            "Paul Ames called the plan a disgrace.",
            [("Chrysler", "asked the government", (), None)],
        ),
        # a frame that is an act is an event of its own, and so is its infinitive; a refusal to say is neither
        (
            "The UAW refused to meet the demands. The Kremlin declined to comment on the meeting.",
            [("The UAW", "refused to meet the demands", (), None), ("The UAW", "meet the demands", (), None)],
        ),
        # a verb taking an infinitive that is neither an aspect nor a frame: two acts; the passive's subject does
        # the infinitive's ("was selected to purchase": Penske purchases), as it does a frame's ("are reported
        # to want to set": the studios set)
        (
            "Penske was selected to purchase Saturn. Some studios are reported to want to set a higher price.",
            [
                ("", "Penske was selected to purchase Saturn", ("Saturn",), None),
                ("Penske", "purchase Saturn", ("Saturn",), None),
                ("Some studios", "set a higher price", (), None),
            ],
        ),
        # the passive's subject also does the active infinitive of its passive conjunct, a gerund of time after
        # it and a past participle's infinitive; an active conjunct's infinitive is its object's, not the subject's
        (
            "The carmakers have been hit hard and have been forced to cut jobs. "
            "Acme had been suspended since 2003 after violating federal law. "
            "The winglets, designed to improve fuel efficiency, are light. "
            "The Taurus was introduced in 1986 and pushed other carmakers to follow suit.",
            [
                ("", "The carmakers have been hit", (), None),
                ("The carmakers", "cut jobs", (), None),
                ("", "Acme had been suspended since 2003", (), None),
                ("Acme", "violating federal law", (), None),
                ("", "The winglets designed to improve fuel efficiency", (), None),
                ("The winglets", "improve fuel efficiency", (), None),
                ("", "The Taurus was introduced in 1986", (), None),
                ("The Taurus", "pushed other carmakers", (), None),  # an active conjunct: the subject's act
            ],
        ),
        # a noun's infinitive is its owner's act: a name before it, else the doer of the verb whose phrase holds it
        (
            "EADS defeated Boeing for a contract to supply the Air Force with tankers. "
            "This imperils the Northrop Grumman plan to assemble the planes in Mobile.",
            [
                ("EADS", "defeated Boeing", ("Boeing",), None),
                ("EADS", "supply the Air Force", ("the Air Force",), None),
                ("the Northrop Grumman", "assemble the planes", (), "Mobile"),
            ],
        ),
        # as is the infinitive of a noun the parse hangs on an amount ("a US$40 billion (…) contract to supply") or
        # whose name before it the parse takes for its subject
        (
            "Lockheed and Airbus have unexpectedly defeated Boeing for a US$40 billion (GB #20.1 billion) contract "
            "to supply the United States Air Force (USAF) with 179 new tankers. "
            "This imperils the Lockheed and Airbus North America plan to assemble the planes in Mobile, Alabama.",
            [
                ("Lockheed", "defeated Boeing", ("Boeing",), None),
                ("Airbus", "defeated Boeing", ("Boeing",), None),
                ("Lockheed", "supply the United States Air Force", ("the United States Air Force",), None),
                ("Airbus", "supply the United States Air Force", ("the United States Air Force",), None),
                ("the Lockheed", "assemble the planes in Mobile", (), "Mobile"),
                ("Airbus North America", "assemble the planes in Mobile", (), "Mobile"),
            ],
        ),
        # nor is unveiling or rejecting a thing, though the claims take it as said
        (
            "Apple unveiled the iPod nano on Wednesday. The Senate rejected the bill.",
            [("Apple", "unveiled the iPod nano", ("iPod",), None), ("The Senate", "rejected the bill", (), None)],
        ),
        # a gerund of means is the clause's doer's act; after "from" it is the object's, told by nobody here
        (
            "Acme Corp. cut its costs by selling the plant to Harbour Mills. "
            "The UN banned Pyongyang from exporting arms.",
            [
                ("Acme Corp.", "cut its costs", (), None),
                ("Acme Corp.", "selling the plant", ("Harbour Mills",), None),
                ("The UN", "banned Pyongyang", ("Pyongyang",), None),
            ],
        ),
        # a light verb's event noun is the event; an infinitive after a named object is the object's act; an act
        # noun with a doer of its own besides the verb's is an event too
        (
            "The Dreamliner made its maiden flight on Tuesday. The Commission forced Apple to lower its prices. "
            "The GAO upheld Boeing's protest.",
            [
                ("The Dreamliner", "made its maiden flight", (), None),
                ("The Commission", "forced Apple", ("Apple",), None),
                ("Apple", "lower its prices", (), None),
                ("The GAO", "upheld Boeing's protest", ("Boeing",), None),
                ("Boeing", "protest", (), None),
            ],
        ),
        # a relative and a subject on one verb: the subject's verb, whose clause the relative does ("which the
        # Republicans insisted reach parity": the cuts reach it); "reasons that Trump refuses": Trump refuses
        (
            "Part of the failure was due to disagreements over labour cuts, which the Republicans insisted reach "
            "parity by next year. One of the reasons that Trump refuses to make public his tax returns is unknown.",
            [
                ("", "labour cuts", (), None),
                ("labour cuts", "reach parity", (), None),
                ("Trump", "refuses to make", (), None),
            ],
        ),
        # a time is no doer, whatever the parse hangs on the verb as its subject
        (
            "And this past weekend in Hangzhou, China, Mr. Obama and Mr. Xi formally committed their two nations to "
            "the Paris accord. The years ahead are going to be very exciting times for us.",
            [],
        ),
        # of two subjects the parse gives a verb, the nearer is its own: the other is a caption run into the lead
        (
            "An American Airlines 777 landing at Heathrow airport Boeing has secured two large orders for new "
            "aircraft.",
            [
                ("", "American Airlines 777 landing", (), None),
                ("Boeing", "secured two large orders for new aircraft", (), None),
            ],
        ),
        # a possessive pronoun's antecedent stands before the pronoun, not before the verb
        (
            "Ryanair said it is exercising its options with Boeing to purchase five jets.",
            [
                ("Ryanair", "exercising its options with Boeing", ("Boeing",), None),
                ("Ryanair", "purchase five jets", (), None),
            ],
        ),
        # a passive keeps its auxiliary ("has" before "been" too), but its negation is its status, not its words
        (
            "The bridge has not been finished. The plant was not sold to Acme Corp.",
            [
                ("", "The bridge has been finished", (), None),
                ("", "The plant was sold to Acme Corp.", ("Acme Corp.",), None),
            ],
        ),
        # a place written with "the" after "in" is where, not a target
        (
            "Ford opened a plant in the United States.",
            [("Ford", "opened a plant in the United States", (), "the United States")],
        ),
        # a pronoun's antecedent is named before a phrase its clause puts first, and a name that only
        # modifies a noun ("Zephyr plant") is no one's antecedent
        (
            "Acme Corp released a new range. In addition to the Zephyr Classic, Nano and Shuffle, they announced "
            "the Zephyr Touch.",
            [
                ("Acme Corp", "released a new range", (), None),
                ("Acme Corp", "announced the Zephyr Touch", ("the Zephyr Touch",), None),
            ],
        ),
        (
            "Acme Corp opened their new Zephyr plant in March. They announced a new range.",
            [
                ("Acme Corp", "opened their new Zephyr plant", ("Zephyr",), None),
                ("Acme Corp", "announced a new range", (), None),
            ],
        ),
        # a pronoun is the earlier person; the one met is the mayor, not the city
        (
            "Jane Roux arrived in Paris. She met the mayor of Lyon.",
            [
                ("Jane Roux", "arrived in Paris", (), "Paris"),
                ("Jane Roux", "met the mayor of Lyon", ("the mayor of Lyon",), None),
            ],
        ),
        # a noun that names an event, with its parties
        (
            "Officials fear a meeting between Kim and Putin.",
            [("Kim", "meeting", ("Putin",), None)],
        ),
        # an act noun without a named party: its possessor's, or the announcer's (a date owns nothing)
        (
            "Airbus announced 10,000 job cuts. Shares fell after its delivery delay. Wednesday's meeting ended.",
            [
                ("Airbus", "announced 10,000 job cuts", (), None),
                ("Airbus", "cuts", (), None),
                ("Shares", "fell after its delivery delay", (), None),
                ("Airbus", "delivery delay", (), None),  # event_nouns reads it: its modifiers too
                ("Wednesday's meeting", "ended", (), None),
            ],
        ),
        # what a noun is for ("a contract to supply") is its owner's act; a plan of nobody named tells nothing
        (
            "EADS won a contract to supply tankers. Ford's decision to close the plant surprised workers. "
            "A plan to bail out the banks failed.",
            [
                ("EADS", "won a contract", (), None),
                ("EADS", "supply tankers", (), None),
                ("Ford", "close the plant", (), None),
                ("A plan", "failed", (), None),
            ],
        ),
        # an infinitive the parse hangs on a thing as a relative says what the thing is for: its doer is the
        # clause's ("GM has a deadline to finish": GM), or nobody named ("a step to protect"); only "the first
        # woman to lead" names the noun's own act
        (
            "GM has a June 1 deadline to finish a plan. This is a necessary step to protect the Canadian economy. "
            "Mary Barra will be the first woman to lead a carmaker.",
            [
                ("GM", "finish a plan", (), None),
                ("GM", "plan", (), None),
                ("", "protect the Canadian economy", (), None),
                ("the first woman", "lead a carmaker", (), None),
            ],
        ),
        # "no reason to intrude" tells of nothing done; a passive infinitive's noun is what undergoes it
        (
            "The judge said there was no reason to intrude on her privacy. Acme announced another event to be held "
            "in Lyon.",
            [("Acme", "announced another event", (), None), ("another event", "be held in Lyon", (), "Lyon")],
        ),
        # a place name that says where another lies is part of that place, not a target
        (
            "Boeing made its first test flight on Tuesday in Everett, Washington.",
            [("Boeing", "made its first test flight on Tuesday", (), "Everett")],
        ),
        # a name that says which party or firm a person named after it belongs to is no target: the person is
        (
            "Pence echoed statements by GOP presidential nominee Donald Trump.",
            [("Pence", "echoed statements by GOP presidential nominee Donald Trump", ("Donald Trump",), None)],
        ),
        (
            "Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday.",
            [("Elizabeth Warren", "grilled Wells Fargo CEO John Stumpf", ("John Stumpf",), None)],
        ),
        # a name that only modifies where or on what ground a thing is done is no party; one that names the
        # party is ("met with Apple executives")
        (
            "Police arrested Jackson on the DUI charge on Monday.",
            [("Police", "arrested Jackson", ("Jackson",), None)],
        ),
        ("A man killed a girl on an Albany street.", [("A man", "killed a girl on an Albany street", (), None)]),
        ("Jane Roux met with Apple executives.", [("Jane Roux", "met with Apple executives", ("Apple",), None)]),
        # a pronoun that stands for nobody named is nobody, not the nearest name before it
        (
            "One would have hoped for real change. Everything will work out, and anyone who buys a phone gets a case.",
            [],
        ),
        # "my" in a quotation is its speaker's, not the name told last
        (
            'Jane Roux met the mayor. "I regret my purchase of the house," Tom Baker said.',
            [
                ("Jane Roux", "met the mayor", ("the mayor",), None),
                ("Tom Baker", "regret my purchase of the house", (), None),
                ("Tom Baker", "purchase of the house", (), None),
            ],
        ),
        # a place after "to" is where, not a target; a purpose is an event of its own
        (
            "Jane Roux went to Paris on Monday to sign the treaty.",
            [("Jane Roux", "went to Paris", (), "Paris"), ("Jane Roux", "sign the treaty", (), None)],
        ),
        # a norm, an infinitive with nothing after it: nothing done
        ("No country should help Russia.", []),
        # "we" in a quotation is the side the speaker speaks for: an organisation itself, or the body a person's
        # office is named with; a person named with no body speaks for no side the article gives
        (
            '"We will consider other options," said Dana Perino, the White House Press Secretary.',
            [("the White House", "consider other options", (), None)],
        ),
        ('"We have cut our costs," said Airbus spokesman Stefan Schaffrath.', [("Airbus", "cut our costs", (), None)]),
        ('"We have cut our costs," said Boeing.', [("Boeing", "cut our costs", (), None)]),
        ('"We have cut our costs," said chief executive Thomas Enders.', []),
        ('"We have cut our costs," said Spokeswoman Sandy Angers.', []),
        # what a rule, law or resolution bans or requires is what it says, not an act; who made it acts
        (
            "UN resolutions ban North Korea from exporting arms. The council passed the resolutions in 2006.",
            [("The council", "passed the resolutions", (), None)],
        ),
        ("The new law requires carmakers to cut emissions.", []),
        ("The EU banned Indonesian airlines in July.", [("The EU", "banned Indonesian airlines", (), None)]),
        ("Japan will work to ensure.", [("Japan", "work to ensure", (), None)]),
        # a headline restates the story; a relative pronoun is nobody
        ("Kim Jong-un visits Russian aircraft factory", []),
        (
            "The agency, which is dedicated to women, opened an office.",
            [("The agency", "opened an office", (), None)],
        ),
        # a relative passive in the past tells an act done to its noun, by nobody named
        (
            "Police questioned the man, who was arrested on Friday.",
            [("Police", "questioned the man", (), None), ("", "the man was arrested on Friday", (), None)],
        ),
        # "which" is never a person: the thing named just before it, where the parse hangs it on the person
        (
            "Fritz Henderson, the chief executive of General Motors, which filed for bankruptcy, outlined a plan.",
            [("General Motors", "filed for bankruptcy", (), None), ("Fritz Henderson", "outlined a plan", (), None)],
        ),
        # a passive with an agent: the agent's act, in the active voice
        ("The plant was sold by GM to Acme in May.", [("GM", "sold the plant to Acme", ("Acme",), None)]),
        # a relative pronoun stands for its noun; a "by" of time is no agent
        (
            "Fiat bought the plant, which was sold by GM in May. Fiat signed a deal that will be finalized by June 10.",
            [
                ("Fiat", "bought the plant", (), None),
                ("GM", "sold the plant in May", (), None),
                ("Fiat", "signed a deal", (), None),
                ("", "a deal be finalized", (), None),
            ],
        ),
        # a passive without an agent: what was done, by nobody named; so is a noun's past participle, unless the
        # noun names the act itself
        # ("apparently" is its status, possible, not a word of its action)
        ("An agreement was apparently reached.", [("", "An agreement was reached", (), None)]),
        (
            "Apple spoke at a media event held in its headquarters. It broke an agreement reached in 1991.",
            [
                ("Apple", "spoke at a media event", (), None),
                ("", "a media event held in headquarters", (), None),
                ("Apple", "broke an agreement", (), None),
            ],
        ),
        ("There have been controversies aroused.", [("", "controversies aroused", (), None)]),
        # a claim's quotation tells events, the speaker's for "I"; "we", "this", "our towns" name nobody, and a
        # verb without a subject in the quotation takes none from outside it
        ("“We will fight them everywhere,” the general said.", []),
        (
            "“I sold the company in 2010 and we bought a farm,” said Jane Roux. "
            "Jane Roux opened the bridge, saying, “Stop me if you have seen this.” "
            "“This is vital to fulfil the tasks that our towns face,” she added.",
            [("Jane Roux", "sold the company", (), None), ("Jane Roux", "opened the bridge", (), None)],
        ),
        # a person named by office alone is the target (a name that owns the office is not); a name inside the
        # object is kept whole, though the verb hangs from a noun ("determination to meet")
        (
            "Jane Roux met the French president. She thanked Lyon's mayor and praised the city's chief officer.",
            [
                ("Jane Roux", "met the French president", ("the French president",), None),
                ("Jane Roux", "thanked Lyon's mayor", ("Lyon's mayor",), None),
                ("Jane Roux", "praised the city's chief officer", ("the city's chief officer",), None),
            ],
        ),
        (
            "Mayor Jane Roux has expressed her determination to meet Paul Marie Ames in person.",
            [("Mayor Jane Roux", "meet Paul Marie Ames in person", ("Paul Marie Ames",), None)],
        ),
        # the names of a topic are not parties; nouns joined in an object both take part
        (
            "Japan raised concerns about a deal between Boeing and Airbus. Germany warned Russia and North Korea.",
            [
                ("Japan", "raised concerns about a deal", (), None),
                ("Boeing", "deal", ("Airbus",), None),  # the deal itself has them as parties
                ("Germany", "warned Russia", ("Russia", "North Korea"), None),
            ],
        ),
        # "over" after a noun of feeling is its topic, after a contest its opponent; a name inside a joined
        # noun's phrase is that noun's, not the act's
        (
            "Tokyo was monitoring the situation with concern over the violation of United Nations resolutions. "
            "The Colts secured a victory over the Jaguars.",
            [
                ("Tokyo", "monitoring the situation", (), None),
                ("The Colts", "secured a victory over the Jaguars", ("Jaguars",), None),
            ],
        ),
        (
            "Pyongyang supplied 122mm and 152mm projectiles, as well as rockets for Grad launchers.",
            [("Pyongyang", "supplied 122mm", (), None)],
        ),
        # a gerund after "after" or "before" is done by the clause's doer
        (
            "Jane Roux has been touring France since May, after meeting Paul Ames on Wednesday.",
            [
                ("Jane Roux", "touring France", ("France",), None),
                ("Jane Roux", "meeting Paul Ames", ("Paul Ames",), None),
            ],
        ),
        # a subject the parse hangs on the auxiliary ("have been hard hit": on "been") or takes for an adverb
        # before a verb with a tense ("Apple unveiled Lion") is the verb's all the same
        (
            "The carmakers have been hard hit in the recent downturn and have been forced to seek federal aid. "
            "Apple unveiled Lion, the new version of its Mac OS X operating system for desktop and laptop computers.",
            [
                ("", "The carmakers have been hit in the recent downturn", (), None),
                ("The carmakers", "seek federal aid", (), None),
                ("Apple", "unveiled Lion", ("Lion", "Mac"), None),
            ],
        ),
        # the parties "between" whom a passive with no agent was done did it, together; a passive infinitive
        # undergoes what its passive head's subject does ("are announced to be changed": the names are changed)
        (
            "Acme argued that the store was a breach of the 1991 settlement reached between the two companies. "
            "A deal was signed between Acme and Lyon. The cables were damaged in the sea between Sicily and Tunisia. "
            "The companies' names are announced to be changed to Acme AG and Lyon LLC.",
            [
                ("the two companies", "reached the 1991 settlement", (), None),
                ("Acme", "signed a deal", ("Lyon",), None),
                ("", "The cables were damaged in the sea", (), None),
                ("", "The companies' names be changed to Acme AG", ("Acme AG", "Lyon LLC"), None),
            ],
        ),
        # a present participle right after a party's name or office is the party's act (a reduced relative); a
        # thing's participle describes the thing ("an earthquake measuring 5.6"); a passive's quantifier subject
        # stands for what it counts ("not all of the company's claims")
        (
            "Jane Roux, an Acme executive overseeing its design work, is leaving the company. "
            "An earthquake measuring 5.6 struck Lyon. "
            "The court upheld the appeal, though not all of the company's claims were upheld.",
            [
                ("Jane Roux", "overseeing design work", (), None),
                ("Jane Roux", "leaving the company", (), None),
                ("The court", "upheld the appeal", (), None),
                ("the company", "claims", (), None),
                ("", "the company's claims were upheld", (), None),
            ],
        ),
        # a gerund with an object after an owned noun's "of" or "in" is the owner's act (the praise is an act
        # of its own, ``ACT_CUES``); with no owner it names a kind of act ("a method of calculating the price"),
        # not one done
        (
            "Acme Corp was praised for its role in selling the mill. Acme used a new method of calculating the price.",
            [("", "Acme Corp was praised for its role", (), None), ("Acme Corp", "selling the mill", (), None)],
        ),
        # a difficulty's gerund is done by who has the difficulty
        (
            "Many buyers experienced issues connecting to the Acme website.",
            [
                ("Many buyers", "experienced issues", (), None),
                ("Many buyers", "connecting to the Acme website", ("Acme",), None),
            ],
        ),
        # a negated saying verb with a thing as its object is a negated act, as the verb done is an act; not
        # commenting and not offering details do nothing
        (
            "Acme will not publicly announce the plants it will close. Jane Roux did not comment on the situation. "
            "Lyon did not offer details.",
            [("Acme", "announce the plants", (), None)],
        ),
        # a saying verb with no object acting on a thing through a preposition is an act, claim or not: what it
        # calls for, agrees on or speaks about; an action ends at its last word's end, not inside it ("a re")
        (
            "The Government Accountability Office on June 18 called for a re-run of the bidding. "
            "Some buyers even tweeted about their experience. Acme Corp released several re-designs of the mill.",
            [
                ("The Government Accountability Office", "called for a re-run", (), None),
                ("Some buyers", "tweeted about their experience", (), None),
                ("Acme Corp", "released several re-designs", (), None),
            ],
        ),
        # a quotation no claim carries is nobody's report; states and feelings propose nothing
        ("The film “Acme Sells the Mill” opened in Lyon.", [("The film", "opened in Lyon", (), None)]),
        ("The council seems divided and remains cautious.", []),
        # becoming is a change, not a state
        ("Wal-Mart became the largest music seller.", [("Wal-Mart", "became the largest music seller", (), None)]),
    ],
)
def test_events_from_the_parse(text: str, expected: list[tuple[str, str, tuple[str, ...], str | None]]) -> None:
    assert found(text) == expected


def test_mentions_of_one_event_merge_into_one_with_every_sentence_as_evidence() -> None:
    text = (
        "Officials fear a meeting between Kim and Putin. Kim will meet Putin in Vladivostok. "
        "Kim held a meeting with Putin on Friday. Kim also visited a factory."
    )
    result = summarise(text, published="2023-09-13", settings=PARSE)
    assert [e.action for e in result.events] == ["meeting", "visited a factory"]
    meeting = result.events[0]
    assert [text[s.start : s.end] for s in meeting.evidence] == [
        "Officials fear a meeting between Kim and Putin.",
        "Kim will meet Putin in Vladivostok.",
        "Kim held a meeting with Putin on Friday.",
    ]
    assert all(s.status == "exact" for s in meeting.evidence)
    assert (
        meeting.location == "Vladivostok" and meeting.time is not None and meeting.time.value == "2023-09-08"
    )  # the Friday before
    assert {result.entity(t).name for t in meeting.targets if result.entity(t)} == {"Putin"}
    assert [text[w.start : w.end] for w in meeting.retold] == ["meet", "held a meeting"]  # each merged mention's words


def test_a_meeting_told_with_an_office_and_again_with_a_name_and_day_is_one_dated_event() -> None:
    text = (
        "Japan said Friday that Fumio Kishida would meet Kim Jong Un, two days after Kim Jong Un met the Russian "
        "president. Kim Jong Un has been visiting Russia since September 12, after meeting Russian President "
        "Vladimir Putin on Wednesday."
    )
    result = summarise(text, published="2023-09-15", settings=PARSE)
    met = next(e for e in result.events if e.action == "met the Russian president")
    assert [result.entity(t).name for t in met.targets if result.entity(t)] == ["Vladimir Putin"]
    assert met.time is not None and met.time.value == "2023-09-13"  # from the second mention's "on Wednesday"
    assert [text[w.start : w.end] for w in met.retold] == ["meeting"]


def test_a_headline_event_is_the_body_s_event_told_again() -> None:
    text = (
        "Acme buys Harbour Mills for $2 billion\n\nAcme Corp. bought Harbour Mills on Monday. "
        "Acme also opened a store in Lyon. Unions protested."
    )
    result = summarise(text, published="2021-05-04", settings=PARSE)
    assert [e.action for e in result.events] == ["bought Harbour Mills", "opened a store", "protested"]
    bought = result.events[0]
    assert bought.trigger is not None and text[bought.trigger.start : bought.trigger.end] == "bought"
    assert [(w.start, text[w.start : w.end]) for w in bought.retold] == [(5, "buys")]  # the headline's word
    assert all(not e.retold for e in result.events[1:])


def test_parse_makes_no_model_call_and_hybrid_one_for_the_summary() -> None:
    text = "Mayor Jane Roux opened the new bridge on Monday. She said it would carry 20,000 cars a day."
    calls: list[object] = []

    def script(messages: list[dict[str, str]], model: object) -> dict[str, object]:
        calls.append(model)
        return {"summary": "Mayor Jane Roux opened a bridge on Monday. She said it would carry 20,000"}

    parsed = summarise(text, backend=FakeBackend(script), settings=Settings(strategy="parse", cache=False))
    assert calls == [] and parsed.provenance.calls == 0
    assert parsed.summary == text  # the lead (two sentences) stands in
    hybrid = summarise(text, backend=FakeBackend(script), settings=Settings(strategy="hybrid", cache=False))
    assert len(calls) == 1 == hybrid.provenance.calls
    assert hybrid.summary == "Mayor Jane Roux opened a bridge on Monday."  # the sentence cut by the bound dropped
    assert [(e.action, hybrid.entity(e.actor).name) for e in hybrid.events if e.actor] == [
        ("opened the new bridge", "Jane Roux")  # the title is not part of the name
    ]
    assert [c.content for c in hybrid.claims] == ["it would carry 20,000 cars a day"]


def test_an_event_takes_the_time_words_of_its_own_verb_not_the_sentence_s() -> None:
    text = "Japan said on Friday that Kishida is willing to meet Kim. Kim met Putin on Wednesday, Japan said Friday."
    result = summarise(text, published="2023-09-15", settings=PARSE)
    times = {e.action: e.time.value if e.time else None for e in result.events}
    assert times == {"meet Kim": None, "met Putin": "2023-09-13"}


def test_a_time_that_dates_a_noun_or_its_clause_is_not_the_verb_s() -> None:
    text = (
        "Ford will cut 30,000 jobs after a loss last year. A June 3 hearing has been scheduled by the court. "
        "Jobs, born on February 24, 1955, has built Apple. McCain entered the emails during a speech last week. "
        "The plants will be closed by the end of this year."
    )
    result = summarise(text, published="2006-01-23", settings=PARSE)
    times = {e.action: e.time.value if e.time else None for e in result.events}
    assert times == {
        "cut 30,000 jobs": None,  # last year's was the loss
        "loss": "2005",  # an act noun of nobody named (extract.event_nouns), with its own time
        "scheduled a June 3 hearing": None,  # June 3 is the hearing's day; the agent's act, in the active voice
        "built Apple": None,  # 1955 is when he was born
        "Jobs born on February 24": "1955-02-24",  # a participle tells its own event, with its own time
        "entered the emails": "2006-01-16/2006-01-22",  # the speech is when he entered them
        "The plants be closed": "2006",  # through prepositions; a "by" of time is no agent
    }


def test_relative_times_date_their_verb_but_not_through_a_clause_or_a_comparison() -> None:
    text = (
        "Development of the jet, begun two years ago, was delayed. Shares rose to 17%, up from 14% a year ago. "
        "A judge barred him from working until April 2009. Earlier in the day, Boeing received a letter. "
        "Apple's profit grew 28% compared to the previous year."
    )
    result = summarise(text, published="2008-12-11", settings=PARSE)
    times = event_times(result)
    assert times["begun"] == "2006"  # a relative time needs only the publication date
    assert times["received"] == "2008-12-11"  # "the day": the day in view
    assert times["rose"] is None  # a year ago is the 14%'s
    assert times["grew"] is None  # the previous year is what the growth is compared with
    assert times["barred"] is None  # April 2009 ends the working, not the barring


def test_for_a_time_dates_a_plan_but_not_what_happened_for_a_period() -> None:
    text = (
        "Ford has posted an annual profit for the last year of $2.7 billion. "
        "The visit will be rescheduled for November 17."
    )
    result = summarise(text, published="2010-01-28", settings=PARSE)
    times = event_times(result)
    assert times["posted"] is None  # the last year is the profit's period, not when it was posted
    assert times["rescheduled"] == "2010-11-17"  # the slot the plan is set for


def test_a_period_after_a_reported_figure_is_the_figures_not_the_reportings() -> None:
    text = (
        "Ford posted a net profit of $997 million in the third quarter of this year. "
        "Ryanair reported record profits of $269m earlier this year. "
        "Apple reported strong sales on Tuesday."
    )
    result = summarise(text, published="2009-11-03", settings=PARSE)
    times = event_times(result)
    assert times["posted"] is None  # the quarter is the profit's: Ford posted it weeks after it ended
    reported = [
        e.time.value if e.time else None for e in result.events if e.trigger and e.trigger.text.startswith("reported")
    ]
    assert reported == ["2009", "2009-11-03"]  # a relative time, and a day, date the reporting itself


def test_a_period_after_for_dates_the_act_noun_that_was_counted_over_it() -> None:
    text = (
        "GM reported losing $4.8 billion in the fourth quarter of 2005 and a total loss of $8.6 billion for the "
        "entire year."
    )
    result = summarise(text, published="2006-01-27", settings=PARSE)
    times = event_times(result)
    assert times["loss"] == "2005"  # the loss is the year's: a verb's "for" period is not when it acted, a noun's is


def test_a_time_after_before_bounds_the_act_but_until_gives_what_was_put_off_its_new_time() -> None:
    text = (
        "PAG is in talks with several automakers to replace GM after 2011. "
        "The plane left four hours after its scheduled 9:45 a.m. departure. "
        "The delivery will be delayed until October 2007."
    )
    result = summarise(text, published="2009-06-05", settings=PARSE)
    times = event_times(result)
    assert times["replace"] is None  # after 2011: not in 2011
    assert times["left"] is None  # hours after 9:45
    assert times["departure"] == "2009-06-05T09:45"  # the departure itself was set for 9:45
    assert times["delayed"] == "2007-10"


def test_a_time_before_coordinated_verbs_dates_each_unless_one_moves_in_time() -> None:
    text = (
        "The North Korean leader today visited two factories and attended a flight demonstration. "
        "In 2009, Fiat bought a stake in Chrysler and has since increased its holding. "
        "In 2005 Ford lost $1.6 billion and recently the company reported a second quarter loss."
    )
    result = summarise(text, published="2023-09-15", settings=PARSE)
    times = {e.action: e.time.value if e.time else None for e in result.events}
    assert times == {
        "visited two factories": "2023-09-15",
        "attended a flight demonstration": "2023-09-15",
        "bought a stake in Chrysler": "2009",
        "increased its holding": None,  # "has since": after 2009
        "lost $1.6 billion": "2005",
        "reported a second quarter loss": None,  # "recently": not in 2005
    }


def test_a_headline_word_the_parse_takes_for_a_noun_still_tells_the_body_s_event_again() -> None:
    text = "Acme files for bankruptcy\n\nAcme Corp. filed for bankruptcy on Thursday. Unions protested."
    result = summarise(text, published="2009-05-01", settings=PARSE)
    filed = result.events[0]
    assert filed.action == "filed for bankruptcy"
    assert [text[w.start : w.end] for w in filed.retold] == ["files", "bankruptcy"]  # "filed for": its act noun
    assert not result.events[1].retold


def test_a_headline_in_other_words_is_the_lead_s_event_by_the_same_actor() -> None:
    text = "Aer Lingus buys twelve Airbus jets\n\nIrish airline Aer Lingus has purchased 12 aircraft. Fares rose."
    result = summarise(text, published="2007-06-09", settings=PARSE)
    purchased = next(e for e in result.events if e.action.startswith("purchased"))
    assert [text[w.start : w.end] for w in purchased.retold] == ["buys"]
    assert all(not e.retold for e in result.events if e is not purchased)


def test_a_name_inside_a_compound_adjective_is_no_target() -> None:
    text = "Pyongyang supplied shells to Moscow for a Soviet-made system."
    result = summarise(text, published="2023-09-15", settings=PARSE)
    assert [[result.entity(t).name for t in e.targets] for e in result.events] == [["Moscow"]]  # not "Soviet"


def test_a_headline_act_is_the_named_object_s_not_the_verb_that_forced_it() -> None:
    text = "Apple to lower UK prices\n\nThe European Commission has forced Apple Inc. to lower its prices in the UK."
    result = summarise(text, published="2008-01-09", settings=PARSE)
    lower = next(e for e in result.events if e.trigger is not None and e.trigger.text == "lower")
    assert [text[w.start : w.end] for w in lower.retold] == ["lower"]
    assert all(not e.retold for e in result.events if e is not lower)


def test_it_stands_for_a_party_not_a_place_that_only_says_where() -> None:
    got = found("Lufthansa flew the new jet to Chicago via New York on Monday. It carried 500 passengers.")
    assert got[-1][:2] == ("Lufthansa", "carried 500 passengers")
    got = found("Lufthansa flew the jet to New York and New Jersey. It carried 500 passengers.")
    assert got[-1][:2] == ("Lufthansa", "carried 500 passengers")  # a place coordinated with one says where too
    got = found("Lufthansa sold the jet to Qantas on Monday. It carried 500 passengers.")
    assert got[-1][:2] == ("Qantas", "carried 500 passengers")  # a party after "to" is one


def test_a_noun_s_modality_is_its_status_not_part_of_its_action() -> None:
    doc = load_text(
        "Officials fear an imminent meeting between Kim and Putin. "
        "Tokyo is watching a possible arms deal between Russia and North Korea. "
        "Boeing confirmed the cancelled sale of 20 jets to Qantas."
    )
    article = parse_article(doc)
    events = find_events(doc, article, find_attributions(doc, article))
    assert [(e.actor, e.action, e.status) for e in events if e.action in ("meeting", "deal", "sale")] == [
        ("Kim", "meeting", "planned"),
        ("Russia", "deal", "possible"),
        ("", "sale", "negated"),
    ]


def test_a_when_clause_is_told_at_its_head_s_time_or_the_time_word_it_hangs_on() -> None:
    text = (
        "The glitch only became public this weekend, when Der Spiegel published the documents. "
        "Sales improved from 2008, when the company posted a loss. "
        "Apple Corps cites an agreement reached in 1991, which barred Apple from music. "
        "Acme shares fell the day the deal was announced."
    )
    result = summarise(text, published="2010-01-25", settings=PARSE)
    times = {e.trigger.text if e.trigger else e.action: e.time for e in result.events}
    published, posted, announced = times["published"], times["posted a loss"], times["announced"]
    assert published is not None and published.value == "2010-01-30/2010-01-31"  # the head's weekend
    assert posted is not None and (posted.text, posted.value) == ("2008", "2008")  # the year, not "from 2008"
    assert announced is not None and announced.value == "2010-01-25"  # "the day" the shares fell
    assert times["barred"] is None  # "which" stands for the agreement the parse hung on 1991


def test_a_time_the_parse_hangs_on_the_subject_dates_the_verb_but_not_after_a_relative_clause() -> None:
    text = (
        "Apple's iTunes music service in February passed Wal-Mart. "
        "Singapore Airlines, which will be the first to operate the jet, in July 2009, has opened a reservation site."
    )
    result = summarise(text, published="2008-04-09", settings=PARSE)
    times = event_times(result)
    assert times["passed"] == "2008-02"
    assert times["opened"] is None  # July 2009 is the operating's


def test_a_time_told_before_a_present_saying_dates_what_it_says_a_day_before_a_past_one_the_saying() -> None:
    text = (
        "For the final quarter of 2009, Ford says it made profits of $868 million. "
        "In January 2005, Boeing announced that it would cancel the 717 program."
    )
    result = summarise(text, published="2010-01-28", settings=PARSE)
    times = event_times(result)
    assert times["made"] == "2009-10-01/2009-12-31"  # "says" is now: the quarter is the profit's
    assert times["announced"] == "2005-01" and times["cancel"] is None  # a past saying is dated by it


def test_a_participle_clause_told_before_its_verb_shares_the_verb_s_time() -> None:
    text = (
        "Describing the problem as decades in the making, Obama explained the plan on Monday. "
        "After the 787, already bearing ANA's livery, arrives in Tokyo next month, the airline will use its first "
        "commercial flight for a special charter from Tokyo to Hong Kong."
    )
    result = summarise(text, published="2009-06-03", settings=PARSE)
    times = event_times(result)
    assert times["Describing"] == times["explained"] == "2009-06-01"
    assert times["bearing"] is None  # an aside of the subject, not a clause told before the verb


def test_since_a_record_s_start_is_not_when_the_record_was_set() -> None:
    text = "GM has posted its first annual loss since 1992. Shares posted their biggest drop since 2008 on Monday."
    result = summarise(text, published="2006-01-27", settings=PARSE)
    times = {e.action: e.time.value if e.time else None for e in result.events}
    assert times["posted its first annual loss"] is None
    assert times["posted their biggest drop"] == "2006-01-23"  # Monday, not the span since 2008


def test_an_aspect_or_light_verb_and_its_complement_are_one_event_named_by_both_words() -> None:
    text = (
        "Acme has begun to offer buyouts to its workers. Acme began selling films in 2006. "
        "The Zeta 300 made its maiden flight on Tuesday."
    )
    result = summarise(text, published="2011-06-07", settings=PARSE)
    triggers = [e.trigger.text for e in result.events if e.trigger is not None]
    assert triggers == ["begun to offer", "began selling", "made its maiden flight"]


def test_a_support_verb_s_act_noun_and_the_subject_s_own_act_are_named_by_both_words() -> None:
    text = (
        "Jobs has taken medical leave. Fiat bought a stake in Chrysler and has since increased its holding. "
        "Acme has plans to import films. The minister praised Acme and cited its holding. "
        "The iPhone made its appearance as a prototype. Fiat intends to use its option to buy the stake."
    )
    result = summarise(text, published="2011-01-17", settings=PARSE)
    triggers = [e.trigger.text for e in result.events if e.trigger is not None]
    assert "taken medical leave" in triggers  # "leave", an act noun the event nouns read, carries the act
    assert "increased its holding" in triggers  # "its" stands for Fiat, the subject: Fiat's holding
    assert "made its appearance" in triggers  # appear: the iPhone's own act, "make" its support, not a state
    assert "use its option" in triggers  # the act of the framed infinitive, named by both words
    assert "cited" in triggers  # "its" is not the minister's: a thing's, another's act
    assert not any(t.startswith("has") for t in triggers)  # "plans to import": the import, planned


def test_an_infinitive_with_a_subject_of_its_own_tells_who_does_it_though_nothing_follows() -> None:
    assert found("There was some hope for the industry to stabilise. Acme wants to ensure.") == [
        ("the industry", "stabilise", (), None)
    ]


def test_the_article_s_simple_present_holds_at_the_time_of_writing_a_speaker_s_does_not() -> None:
    text = (
        "Apple released the iPod in 2001. The store currently sells digital music. "
        "Microsoft said that Apple controls the market. Apple will open a store. Apple has opened a shop. "
        "Jobs is stepping down from his post. The jets are assembled by Airbus. "
        "Qatar Airways has a previous order for two jets. In China, airliners are selected and bought by the state. "
        "The Taurus was a revolutionary car that rewrote the rules for creating a sedan."
    )
    result = summarise(text, published="2006-06-20", settings=PARSE)
    times = {e.action: (e.time.text, e.time.value) if e.time else None for e in result.events}
    assert times == {
        "released the iPod": ("in 2001", "2001"),
        "sells digital music": ("sells", "2006-06-20"),  # the tense dates it: the day of writing
        "controls the market": None,  # Microsoft's present is the time of its saying, which is not given
        "open a store": None,  # planned: no present tense
        "opened a shop": None,  # the present perfect says before, not when
        "stepping down from his post": ("stepping", "2006-06-20"),  # the present progressive
        "assembled the jets": ("assembled", "2006-06-20"),  # and the present passive
        "has a previous order for two jets": None,  # the having is now; the ordering, the act, was before
        "airliners are selected": ("selected", "2006-06-20"),
        "bought airliners": ("bought", "2006-06-20"),  # a coordinated participle shares the passive's "are"
        "rewrote the rules": None,  # a past form the parse tags as a present
    }


def test_what_the_article_says_can_be_done_holds_at_the_time_of_writing() -> None:
    text = (
        "The 777-200LR can fly for 9,420 nautical miles. On the 30GB iPod, 75 hours of video can be stored. "
        "The old jet could fly to Sydney. Apple says that users can add songs. The plane will carry 300 people."
    )
    result = summarise(text, published="2005-02-17", settings=PARSE)
    times = {e.action: (e.time.text, e.time.value) if e.time else None for e in result.events}
    assert times["fly for 9,420 nautical miles"] == ("fly", "2005-02-17")  # "can": a present ability
    assert times["75 hours be stored"] == ("stored", "2005-02-17")  # "can be": a present possibility
    assert times["fly to Sydney"] is None  # "could": a past ability or a condition
    assert times["add songs"] is None  # inside Apple's claim: the time of Apple's saying
    assert times["carry 300 people"] is None  # another modal: no present


def test_an_outcome_noun_takes_the_time_of_the_verb_of_consequence() -> None:
    text = (
        "Ford is making sweeping cuts in its production, resulting in the partial closure of ten of its "
        "plants during the fourth quarter."
    )
    result = summarise(text, published="2006-08-19", settings=PARSE)
    closure = next(e for e in result.events if e.trigger and e.trigger.text == "closure")
    assert closure.time is not None and closure.time.value == "2006-10-01/2006-12-31"  # the quarter to come


def test_a_claim_s_present_that_says_it_holds_now_holds_at_the_time_of_writing() -> None:
    text = (
        "Fiat announced on Friday that it intends to purchase the shares that the US government currently owns. "
        "Microsoft said that Apple still sells more phones. Microsoft said that Apple controls the market."
    )
    result = summarise(text, published="2011-05-29", settings=PARSE)
    times = {e.action: (e.time.text, e.time.value) if e.time else None for e in result.events}
    assert times["owns the shares"] == ("owns", "2011-05-29")  # "currently": at the time of writing
    assert times["sells more phones"] == ("sells", "2011-05-29")  # "still": runs on to now
    assert times["controls the market"] is None  # no such word: the time of Microsoft's saying, not given


def test_a_present_said_in_the_present_holds_at_the_time_of_writing() -> None:
    text = (
        "The company claims to possess the trademark, and that it sells devices under the same brand. "
        "Microsoft said that Apple controls the market. Analysts say that Apple leads the market."
    )
    result = summarise(text, published="2007-01-12", settings=PARSE)
    times = {e.trigger.text: (e.time.text, e.time.value) if e.time else None for e in result.events if e.trigger}
    assert times["possess"] == ("possess", "2007-01-12")  # "claims to": a present claimed now
    assert times["sells"] == ("sells", "2007-01-12")  # the saying is now, so its present is now
    assert times["leads"] == ("leads", "2007-01-12")
    assert times["controls"] is None  # a past saying: the time of the saying, not given


def test_a_state_that_runs_up_to_the_time_of_writing_holds_then() -> None:
    text = (
        "Ford makes cars. However it has in recent years been struggling with poor profitability. "
        "Ford has won an order. "
        "The iPhone made its appearance and there have been controversies aroused. "
        "It is the successor to the iBook line and contains Intel processors, and starting at a price of $1,099. "
        'The iPhone is claimed to be "a revolutionary mobile phone" as stated on the Apple website.'
    )
    result = summarise(text, published="2007-01-10", settings=PARSE)
    times = {e.trigger.text: (e.time.text, e.time.value) if e.time else None for e in result.events if e.trigger}
    assert times["struggling"] == ("struggling", "2007-01-10")  # the perfect progressive goes on now
    assert times["won"] is None  # the perfect of an act: finished before, not dated
    assert times["aroused"] == ("aroused", "2007-01-10")  # what "there have been" presents is there now
    assert times["starting"] == ("starting", "2007-01-10")  # coordinated with "contains": its present
    assert times["stated"] == ("stated", "2007-01-10")  # a reduced "as" clause of a present: a standing source
    result = summarise("Ford has been struggling with losses.", published="2006-08-19", settings=PARSE)
    struggling = next(e for e in result.events if e.trigger and e.trigger.text == "struggling")
    assert struggling.time is not None and struggling.time.text == "has been struggling"  # shown as written


def test_a_generic_or_habitual_present_is_no_time() -> None:
    text = (
        "In China, airliners are selected by the government, which then distributes them to airlines. "
        "Airframers normally supply technical assistance to investigations. "
        "The Motorola ROKR pauses music automatically when users take a call. "
        "Trump is casting himself as a champion when it comes to rewriting the tax code. "
        "The store currently sells digital music."
    )
    result = summarise(text, published="2005-01-29", settings=PARSE)
    times = {e.trigger.text: (e.time.text, e.time.value) if e.time else None for e in result.events if e.trigger}
    assert times["distributes"] is None  # "then": a step of how it is done
    assert times["supply"] is None  # "normally": a habit
    assert times["pauses"] is None  # whenever users take a call
    assert times["take a call"] is None  # the occasion of a habit
    assert times["casting"] == ("casting", "2005-01-29")  # "when it comes to" names a topic, not an occasion
    assert times["sells"] == ("sells", "2005-01-29")  # no mark of a habit: now
    assert times["selected"] == ("selected", "2005-01-29")  # a bare plural subject is no mark of its own


def test_a_noun_of_saying_named_again_takes_the_time_of_the_one_saying_told() -> None:
    text = (
        "Fiat announced on Friday that it intends to purchase the shares. "
        "According to Fiat's announcement, the company has told the US Treasury."
    )
    result = summarise(text, published="2011-05-29", settings=PARSE)
    noun = next(e for e in result.events if e.trigger and e.trigger.text == "announcement")
    assert noun.time is not None and (noun.time.text, noun.time.value) == ("on Friday", "2011-05-27")
    text = (
        "Fiat announced on Friday that it intends to purchase the shares. Fiat announced that it will cut jobs. "
        "According to Fiat's announcement, the company has told the US Treasury."
    )
    result = summarise(text, published="2011-05-29", settings=PARSE)
    noun = next(e for e in result.events if e.trigger and e.trigger.text == "announcement")
    assert noun.time is None  # two statements by Fiat: which one it names, nothing tells


def test_an_act_noun_delayed_takes_the_day_of_the_delay_not_the_day_it_is_moved_to() -> None:
    text = (
        "A test flight of the new Airbus A380 was delayed today after an accident. "
        "The delivery of the jets will be delayed until October 2007."
    )
    result = summarise(text, published="2007-09-01", settings=PARSE)
    nouns = {e.trigger.text: e.time for e in result.events if e.trigger and e.trigger.text in ("flight", "delivery")}
    flight = nouns["flight"]
    assert flight is not None and (flight.text, flight.value) == ("today", "2007-09-01")  # due then, put off then
    assert nouns["delivery"] is None  # October 2007 is where it is moved to, not yet its time


def test_a_verb_of_consequence_or_relation_happens_when_its_dated_act_subject_does() -> None:
    text = (
        "Jobs announced Monday that he would take leave. "
        "Monday's email announcement marked the third time that Jobs has taken medical leave. "
        "The union's strike caused delays in 2009, and the rally marked a turning point."
    )
    result = summarise(text, published="2011-01-17", settings=PARSE)
    marked = [e.time for e in result.events if e.trigger and e.trigger.text == "marked"]
    assert marked[0] is not None and (marked[0].text, marked[0].value) == ("Monday", "2011-01-17")
    assert marked[1] is None  # "the rally" has no time of its own: the verb has none either


def test_a_weekday_opening_a_sentence_after_a_full_stop_is_a_date_not_the_end_of_a_name() -> None:
    text = "Markets closed in honor of Martin Luther King. Monday's email announcement marked the third time."
    values = {m.text: m.value for m in tag_times(text, date(2011, 1, 17))}
    assert values == {"Monday": "2011-01-17"}
    assert tag_times("He ate at TGI Friday's.", date(2011, 1, 17)) == []


def test_an_act_counted_from_a_dated_act_is_that_many_units_from_its_time() -> None:
    text = (
        "Five years after its launch, Apple's iTunes music service in February passed Wal-Mart. "
        "Police arrested him on Monday, three days after the Security Council condemned the test. "
        "Several weeks after its launch, the store in March passed Best Buy."
    )
    result = summarise(text, published="2008-04-09", settings=PARSE)
    times = {(e.trigger.text, e.trigger.start < 90): e.time for e in result.events if e.trigger}
    launch = times[("launch", True)]
    assert launch is not None and (launch.value, launch.granularity) == ("2003", "year")  # February 2008 less 5 years
    assert launch.text == "Five years after … in February"  # the article's words, as every time shows them
    condemned = times[("condemned", False)]
    assert condemned is not None and condemned.value == "2008-04-04"  # Monday 7 April less three days
    assert times.get(("launch", False)) is None  # "several weeks" counts nothing


def test_a_public_statement_in_the_lead_s_present_perfect_is_the_news_of_the_day() -> None:
    text = (
        "Airbus has also confirmed that there was a glitch on the plane. Ford has announced sweeping cuts. "
        "Boeing has won an order from Qatar. GM announced on Monday that it will cut jobs. "
        "Toyota said that Honda has denied the report. The cuts have been announced by Fiat. "
        "Honda has announced a recall."
    )
    result = summarise(text, published="2010-01-25", settings=PARSE)
    times = {e.action: (e.time.text, e.time.value) if e.time else None for e in result.events}
    assert times["confirmed"] == ("has also confirmed", "2010-01-25")  # the perfect as written dates it
    assert times["announced sweeping cuts"] == ("has announced", "2010-01-25")
    assert times["won an order"] is None  # the perfect of another act says before, not when
    assert times["announced"] == ("on Monday", "2010-01-25")  # its own time words come first
    assert times["denied the report"] is None  # inside Toyota's claim: the time of Toyota's saying
    assert times["announced the cuts"] is None  # a passive perfect: no public statement by its doer
    assert times["announced a recall"] is None  # after the lead's two sentences: background, not the day's news


def test_a_party_is_not_the_target_of_its_own_act() -> None:
    text = (
        "Japan and South Korea also raised concerns about a possible arms deal between Putin and Kim, "
        "with Tokyo warning of the risk of violating U.N. sanctions."
    )
    result = summarise(text, published="2023-09-15", settings=PARSE)
    names = {e.id: e.name for e in result.entities}
    parties = {(names[e.actor], tuple(names[t] for t in e.targets)) for e in result.events if e.actor}
    assert all(actor not in targets for actor, targets in parties)
    assert ("Japan", ("United Nations",)) in parties


def test_a_participle_is_a_name_s_act_only_set_off_by_a_comma() -> None:
    """A name takes no restrictive relative: "New York Giants running back Paul Ames" is a compound, not the
    Giants running him; "Paul Ames, running for mayor" is his act."""
    compound = found("The team signed New York Giants running back Paul Ames on Monday.")
    assert [action for _, action, _, _ in compound if action.startswith("running")] == []
    assert ("Paul Ames", "running for mayor", (), None) in found("Paul Ames, running for mayor, visited Lyon.")


def _hand_parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Any:
    """A parse written out by hand: the one the parser gives the sentence in the corpus, not reproducible here."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_by_phrase_the_parse_hangs_on_an_active_verb_is_no_agent() -> None:
    # "the team has made an offer …, reported by John Perrotto": the parse hung "by" on "made"
    active = _hand_parsed(
        ["the", "team", "has", "made", "an", "offer", "by", "John", "Perrotto"],
        [1, 3, 3, 3, 5, 3, 3, 8, 6],
        ["det", "nsubj", "aux", "ROOT", "det", "dobj", "agent", "compound", "pobj"],
        ["DT", "NN", "VBZ", "VBN", "DT", "NN", "IN", "NNP", "NNP"],
        ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PROPN"],
    )
    assert _subject(active[3]).text == "team"
    passive = _hand_parsed(
        ["the", "plant", "was", "sold", "by", "GM"],
        [1, 3, 3, 3, 3, 4],
        ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
        ["DT", "NN", "VBD", "VBN", "IN", "NNP"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN"],
    )
    assert _subject(passive[3]).text == "GM"  # a passive's agent is its doer


def test_they_stands_for_a_company_or_several_people_not_one_name_the_parser_took_for_a_person() -> None:
    # the parser takes the product "Lion" for a person's name: "They" is not one person, so Apple
    text = "Apple unveiled Lion, the new version of their operating system. They also demonstrated Tiger 5."
    assert [(actor, action) for actor, action, _, _ in found(text)] == [
        ("Apple", "unveiled Lion"),
        ("Apple", "demonstrated Tiger 5"),
    ]
    # names joined as a subject are "they" together: each does it, or the first with the other for an act two do
    # together
    text = "GM and Chrysler were given loans after they warned of bankruptcy."
    assert [actor for actor, action, _, _ in found(text) if action.startswith("warned")] == ["GM", "Chrysler"]
    events = found("Kim and Putin met in Vostochny. They discussed weapons.")
    assert [(actor, targets) for actor, _, targets, _ in events] == [("Kim", ("Putin",)), ("Kim", ("Putin",))]
    # a source named by a plural noun is a group, whatever its capital
    assert found("Investigators are now saying they suspect arson.")[0][:2] == ("Investigators", "suspect arson")


def test_they_stands_for_the_group_a_plural_noun_names_when_it_is_nearer_than_any_name() -> None:
    # the voters vote, not Ohio, the last name: "they" is the group named since
    text = "Ohio purged the rolls. Inactive voters must prove that they still live in Ohio."
    assert ("Inactive voters", "live in Ohio") in [(actor, action) for actor, action, _, _ in found(text)]
    # one told to act is a group that may act next: the creditors hold out, not the union named before
    text = "The UAW made concessions. It will require creditors to recognise that they can not hold out for more."
    assert ("creditors", "hold out for more") in [(actor, action) for actor, action, _, _ in found(text)]
    # a company named nearer than any group stays "they"
    text = "Workers protested on Monday. Airbus have announced that they will fund the search."
    assert ("Airbus", "fund the search") in [(actor, action) for actor, action, _, _ in found(text)]


def test_they_is_no_office_holder_and_may_be_a_plural_object_whose_subject_it_cannot_be() -> None:
    # "The president" is one person, though no name the parser typed
    text = "Democrats met with the president on Monday. The president said they would win in November."
    assert ("Democrats", "win in November") in [(actor, action) for actor, action, _, _ in found(text)]
    # a person's object is what "they" stands for; a company's subject stays the more salient
    text = "Mitt Romney released his returns in 2012, even though they exposed his foreign bank accounts."
    assert ("his returns", "exposed his foreign bank accounts") in [(a, action) for a, action, _, _ in found(text)]
    text = "Apple have released several re-designs of their iPod range. They have announced the new iPod touch."
    assert ("Apple", "announced the new iPod touch") in [(actor, action) for actor, action, _, _ in found(text)]


def test_they_prefers_a_group_that_is_a_subject_to_a_name_that_is_its_object() -> None:
    text = "Radical Islamists bombed the World Trade Center in 1993. In 2000, they attacked the USS Cole."
    assert ("Radical Islamists", "attacked the USS Cole") in [(actor, action) for actor, action, _, _ in found(text)]
    # an owner is no object: "their" claims are Boeing's
    text = "The GAO upheld Boeing's protest, though not all of their claims were upheld. They demanded a new contest."
    assert ("Boeing", "demanded a new contest") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_part_of_a_group_is_named_with_its_group_and_a_floating_quantifier_names_no_doer_of_its_own() -> None:
    # "most" alone names nobody; "its bondholders" alone says more than the sentence does
    text = "GM said on Wednesday that most of its bondholders did not exchange the debt for shares."
    assert ("most of its bondholders", "exchange the debt") in [(actor, action) for actor, action, _, _ in found(text)]
    text = "Over 50% of the dealerships closed their doors in May."  # a rate would make it a habit, no act
    assert found(text)[0][0] == "Over 50% of the dealerships"
    # "both" after the pair: each of the two did it, and "both" no more
    text = "GM and Chrysler both ran out of funds in December."
    assert [actor for actor, *_ in found(text)] == ["GM", "Chrysler"]
    text = "Donald Trump and Hillary Clinton vied for the title, each touting their own experience."
    touted = [actor for actor, action, _, _ in found(text) if action.startswith("touting")]
    assert touted == ["Donald Trump", "Hillary Clinton"]
    # "both" alone: the two parties named last, not the quantifier
    text = "GM said its package includes a payment. Chrysler will offer a voucher. Both will offer the deal to members."
    offered = [actor for actor, action, _, _ in found(text) if action == "offer the deal"]
    assert offered == ["GM", "Chrysler"]


def test_a_passive_under_another_clause_takes_no_doer_from_that_clause() -> None:
    # the parse hangs "development" on "begun": the pushing back is not Boeing's announcing
    text = (
        "United States airframer Boeing has announced that development of a replacement for their 737 narrowbody "
        "airliner, begun two years ago, has been pushed back several years."
    )
    assert ("", "has been pushed back") in [(actor, action) for actor, action, _, _ in found(text)]
    # "when held": the device is held, it holds nothing
    text = "The antenna wraps around the side of the device, which has caused dropped calls when held in a certain way."
    assert ("", "held in a certain way") in [(actor, action) for actor, action, _, _ in found(text)]
    # a passive infinitive is still what its head's subject undergoes: told as undergone, by nobody named (it
    # was the plant's act, in bold, before Session 17's h/subj17)
    assert found("The plant was too big to be operated at most sites.")[0][:2] == (
        "",
        "The plant be operated at most sites",
    )


def test_she_is_no_one_the_article_tells_is_a_man() -> None:
    # "Mr. Trump" and "Trump … his" tell a man: "She" is Clinton, named before him
    text = (
        "Mr. Trump defended his record. On Monday night, Clinton leaned in, painting Trump as a plutocrat. "
        "She then peppered him with attacks."
    )
    assert ("Clinton", "peppered him") in [(actor, action) for actor, action, _, _ in found(text)]
    # a woman the article tells of, by her title, is no "he"
    text = "Mr. Smith sued. Mrs. Jones answered the claim. He then appealed the ruling."
    assert ("Smith", "appealed the ruling") in [(actor, action) for actor, action, _, _ in found(text)]
    # nor is she the "he" of a clause she says, though its subject is where a pronoun is sought first
    text = "Terence Crutcher walked to his car. Mrs. Shelby fired. Mrs. Shelby said he refused to stop the car."
    assert ("Terence Crutcher", "refused to stop the car") in [(actor, action) for actor, action, _, _ in found(text)]
    # a title is written with a capital: "miss" the verb tells nothing
    assert "Steve" not in sexes(parse_article(load_text('Jobs died. "I will miss Steve," Obama said.')))


def test_a_pronoun_in_a_quotation_stands_for_a_name_said_in_it_or_for_no_one() -> None:
    # the speaker's "it" is not the last name the narrator wrote before the quotation
    text = 'Reid met the Senate on Monday. "It is not going to happen," Reid said.'
    assert [actor for actor, *_ in found(text)] == ["Reid"]
    # a name the speaker said before the pronoun, in the same quotation, is what it stands for
    text = '"Boeing will win the contract, and it will deliver the tanker in 2010," Smith said on Friday.'
    assert ("Boeing", "deliver the tanker") in [(actor, action) for actor, action, _, _ in found(text)]


def test_an_it_that_stands_for_the_clause_after_it_names_no_one_and_for_gives_an_infinitive_its_doer() -> None:
    text = "GM sold cars. It's also impossible to evaluate Mr. Trump's broader tax proposals."
    assert [actor for actor, *_ in found(text)] == ["GM"]
    text = "Romney spoke. It is disqualifying for a modern-day presidential nominee to refuse to release tax returns."
    assert ("a modern-day presidential nominee", "release tax returns") in [(a, act) for a, act, _, _ in found(text)]
    text = "Ford renamed the car. It is not expected for the name change to turn the Five Hundred into a blockbuster."
    assert ("the name change", "turn the Five Hundred") in [(actor, action) for actor, action, _, _ in found(text)]
    # "for" gives its object as the doer only when that object runs up to "to": not "For instance, calls to …"
    text = "For instance, calls to establish a commission were rejected by the Council in 2015."
    assert "instance" not in [actor for actor, *_ in found(text)]
    # "it" that is something stays its doer
    text = "GM has until June. If it does not, it will be obliged to file for bankruptcy protection."
    assert ("GM", "file for bankruptcy protection") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_word_the_tokenizer_split_at_its_hyphen_names_one_doer() -> None:
    text = "Automator is an interface that enables non-programmers to automate repetitive tasks."
    assert ("non-programmers", "automate repetitive tasks") in [(actor, action) for actor, action, _, _ in found(text)]
    text = "Apple CEO and co-founder Steve Jobs gave his keynote on Monday."
    assert "co" not in [actor for actor, *_ in found(text)]


def test_an_infinitive_saying_what_a_thing_is_for_is_not_the_thing_s_act() -> None:
    # "the goal was to lower": the goal lowers nothing; nobody is named there
    text = "Henderson said that the goal was rather to lower the break-even point for the company."
    assert ("", "lower the break-even point") in [(actor, action) for actor, action, _, _ in found(text)]
    # an owner is the doer: Apple's response was Apple's act
    text = (
        "Apple's response to the issue, dubbed Antennagate by the media, was first to recommend holding the phone "
        "in a different location."
    )
    assert ("Apple", "recommend holding the phone") in [(actor, action) for actor, action, _, _ in found(text)]
    # a party with "be to" plans the act itself
    assert found("GM is to close five plants.")[0][:2] == ("GM", "close five plants")


def test_the_object_of_a_verb_that_has_it_act_does_the_infinitive() -> None:
    text = "Scott sponsored the act, requiring state and local police to tell the government when someone dies."
    acts = [(actor, action) for actor, action, _, _ in found(text)]
    assert ("state and local police", "tell the government") in acts
    assert "dies" not in [action for _, action in acts]  # "someone" names nobody, as "anyone" does
    assert ("shareholders", "approve the deal") in [
        (a, b) for a, b, _, _ in found("The board asked shareholders to approve the deal.")
    ]


def test_an_active_verb_coordinated_with_a_passive_shares_its_subject_not_its_agent() -> None:
    text = "Apple Computer was started by Steve Jobs and Steve Wozniak in 1976, and launched the iTunes Music Store."
    launched = [actor for actor, action, _, _ in found(text) if action.startswith("launched")]
    assert launched == ["Apple Computer"]
    # a participle the parse took for a past tense, with no object, is no act of the subject
    text = "He owns an iPod, which is made by Apple Computer and marketed alongside the iTunes Music Store."
    assert "iPod" not in [actor for actor, *_ in found(text)]


def test_a_passive_infinitive_with_an_agent_is_told_in_the_active_voice() -> None:
    # "was supposed to be escorted by a detail": the detail escorted the van, it was not escorted
    text = "The van was supposed to be escorted by a police detail."
    assert ("a police detail", "escorted the van") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_relative_pronoun_inside_what_a_relative_clause_says_stands_for_the_clause_s_noun() -> None:
    # "which it said has attacked": the noun the clause hangs on attacked them, not Acme, who said so
    events = found("Acme patched a flaw in its browser which it said has attacked two million users.")
    assert [(actor, action) for actor, action, _, _ in events] == [
        ("Acme", "patched a flaw"),
        ("its browser", "attacked two million users"),  # the parser hangs the clause on "browser"
    ]


def test_a_pronoun_in_an_embedded_clause_stands_for_the_subject_of_the_clause_above_not_a_nearer_name() -> None:
    # "told the US Treasury that it intends": the company (Fiat, the speaker), not the addressee; its owner too
    text = (
        "Fiat plans to buy more of Chrysler. According to Fiat's announcement, the company has told the US Treasury "
        "that it intends to use its option to buy the share."
    )
    acts = {action: actor for actor, action, _, _ in found(text)}
    assert acts["use its option"] == acts["buy the share"] == "the company"  # the source, Fiat in the summary
    # a relative clause's subject pronoun: the subject of the clause its noun stands in, not the nearer owner
    text = "Qatar has a previous order for 2 of Airbus' massive new A380s which it will begin to fly in 2009."
    assert ("Qatar", "begin to fly in 2009") in [(actor, action) for actor, action, _, _ in found(text)]
    # a subject the article names nowhere near leaves the nearest name; "we" is the speaker's, left alone
    text = "GM got a loan. The government will give GM a capital infusion in addition to the funds it has received."
    assert ("GM", "received the funds") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_pronoun_under_a_pronoun_subject_is_whoever_that_subject_is_not_a_name_between() -> None:
    # the clause above's subject is "He", the first "he": the second is the same man, not Mary Smith named between
    text = "Mr. John Brown spoke in Ohio. He linked the flaw to Mary Smith's use of a server, a chance he missed."
    assert ("John Brown", "missed a chance") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_person_s_last_name_alone_is_that_person_whatever_the_parser_typed_it() -> None:
    # the parser takes "Jobs" for a company's name here: "He" is still Jobs, not the person named before him
    text = (
        "Apple CEO Steve Jobs is on leave. The markets were closed in honor of Martin Luther King. Monday's email "
        "announcement marked the third time in the past decade that Jobs, aged 55, has taken medical leave. He "
        "fought pancreatic cancer in 2004."
    )
    assert ("Jobs", "fought pancreatic cancer") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_name_set_in_quotation_marks_is_the_doer_not_the_description_around_its_opening_mark() -> None:
    # "the 787 "Dreamliner"": the name is the quoted word; the phrase with one quotation mark is no name at all
    text = 'Boeing\'s newest commercial aircraft, the 787 "Dreamliner", made its first test flight on Tuesday.'
    assert [actor for actor, *_ in found(text)] == ["Dreamliner"]
    # an apostrophe is no quotation mark
    assert found("General Motors’ plan cut 300 jobs.")[0][0] == "General Motors’ plan"


def test_the_words_a_tokenizer_split_off_are_no_events_and_a_date_before_a_name_is_no_part_of_it() -> None:
    text = "The union will support the plan and re-negotiate its agreement. It ’ s very common."
    result = summarise(text, published="2009-04-03", settings=PARSE)
    triggers = [e.trigger.text for e in result.events if e.trigger is not None]
    assert "re-negotiate" in triggers  # the hyphenated word as written
    assert not {"re", "-", "s"} & set(triggers)  # "re", the hyphen and the split-off "s" of "It’s" name nothing
    actors = [actor for actor, *_ in found("Since December GM and Chrysler have received US$17.4 billion in loans.")]
    assert actors == ["GM", "Chrysler"]  # not "December GM": the parse hangs the month on the name


def test_what_the_article_says_will_happen_is_not_what_it_says_happened_before() -> None:
    text = (
        "GM and Chrysler will receive bridge loans from the government of Canada. Since December GM and Chrysler "
        "have received US$17.4 billion government loans."
    )
    result = summarise(text, published="2009-04-03", settings=PARSE)
    gm = next(x.id for x in result.entities if x.name == "GM")
    told = sorted(e.status for e in result.events if e.actor == gm)
    assert told == ["happened", "planned"]  # two receipts: one to come, one done since December


def test_an_act_of_saying_with_a_force_of_its_own_is_an_event_besides_its_claim() -> None:
    # confirming, announcing, denying are acts with a doer and a time (as event coders code them); "said" only
    # passes a statement on: its claim alone
    text = "Airbus has confirmed that there was a software glitch on the plane. Ford said that sales fell."
    result = summarise(text, published="2010-01-25", settings=PARSE)
    confirmed = [e for e in result.events if e.trigger and e.trigger.text == "confirmed"]
    assert [(e.action, e.status, result.entity(e.actor).name) for e in confirmed] == [  # type: ignore[union-attr]
        ("confirmed", "happened", "Airbus")
    ]
    assert not [e for e in result.events if e.trigger and e.trigger.text == "said"]
    assert sorted(c.cue for c in result.claims) == ["confirmed", "said"]


def test_each_statement_announced_is_an_announcement_of_its_own() -> None:
    text = (
        "Steve Jobs announced that iTunes would get podcasts. He also announced that QuickTime would come to Windows."
    )
    result = summarise(text, published="2005-06-06", settings=PARSE)
    announced = [e for e in result.events if e.trigger and e.trigger.text == "announced"]
    second = text.index("He also")
    assert [[(s.start, s.end) for s in e.evidence] for e in announced] == [[(0, second - 1)], [(second, len(text))]]


def test_the_time_said_is_the_saying_s_time_not_its_action() -> None:
    # "on Wednesday" dates the announcing; the next sentence's announcement is another doer's, not Wednesday's:
    # the lead's present perfect of a statement dates it to the day of writing (events._hot_news)
    text = "GM announced on Wednesday that sales fell. Airbus has announced that it will pay $12 million."
    result = summarise(text, published="2009-04-02", settings=PARSE)
    announced = {result.entity(e.actor).name: e for e in result.events if e.action == "announced"}  # type: ignore[union-attr]
    assert sorted(announced) == ["Airbus", "GM"]
    assert announced["GM"].time is not None and announced["GM"].time.value == "2009-04-01"
    airbus = announced["Airbus"].time
    assert airbus is not None and (airbus.text, airbus.value) == ("has announced", "2009-04-02")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "make" that earns an amount is an act; made up of it, a habit of a plant, a cause are how things stand
        (
            "Ford made profits of $868 million in the fourth quarter.",
            [("Ford", "made profits of $868 million", (), None)],
        ),
        ("Revenue made up $7.1 billion. Atlanta makes the Ford Taurus. The plan would make Chrysler profitable.", []),
        # a party using a given thing acts; a thing using a kind of material is what it is like
        ("Apple will continue to use its name.", [("Apple", "continue to use its name", (), None)]),
        ("The MacBook Air uses flash memory. The jet will use 20 percent less fuel.", []),
        # going on with a state is a state
        ("Ford expects to continue to be profitable.", []),
        # a company noun names a party as a name does
        (
            "The deal says where the two companies could use the Apple trademark.",
            [("the two companies", "use the Apple trademark", ("Apple",), None)],
        ),
        # having trouble doing something is an experience on an occasion, as "experienced issues" is
        (
            "Some buyers had difficulty finishing their orders. The firm has a problem.",
            [("Some buyers", "had difficulty", (), None), ("Some buyers", "finishing orders", (), None)],
        ),
    ],
)
def test_a_state_verb_is_an_act_in_the_frames_that_make_it_one(
    text: str, expected: list[tuple[str, str, tuple[str, ...], str | None]]
) -> None:
    assert found(text) == expected


def test_a_product_made_by_a_party_and_an_aspect_verb_with_an_object_of_its_own() -> None:
    text = (
        "The first A380, made by Airbus, was delivered to Singapore Airlines. The decision was made by the board. "
        "GM would continue building the Aura sedan. All Nippon Airways used the 787 to expand its routes."
    )
    result = summarise(text, published="2011-06-07", settings=PARSE)
    triggers = {e.trigger.text: e.action for e in result.events if e.trigger is not None}
    assert triggers["made"] == "made the first A380"  # Airbus made it: "by" names a party
    assert "continue building" in triggers  # going on with an act: one event, named by both words
    assert triggers["used"] == "used the 787"  # a party using a given thing
    assert "expand" in triggers  # the purpose of "used the jet" is an act of its own, not its aspect


def test_a_participle_that_places_or_marks_a_thing_describes_it_unless_an_agent_did_it() -> None:
    text = (
        "Cisco sued Apple over network systems based in San Jose. Judge Mann ruled in the Royal Courts of Justice, "
        "located in central London. The iTunes Music Store is branded. The record was branded by Apple Corps. "
        "Ford has located a new plant in Ohio."
    )
    assert [(actor, action) for actor, action, _, _ in found(text)] == [
        ("Cisco", "sued Apple"),
        ("Judge Mann", "ruled in the Royal Courts"),
        ("Apple Corps", "branded the record"),
        ("Ford", "located a new plant in Ohio"),
    ]


def test_a_rate_in_the_present_is_a_habit_not_an_act_in_the_past_or_future_it_tells_one() -> None:
    text = (
        "UAW workers in Detroit earn $28 an hour; their replacements will earn about half that. "
        "Software contracts provide US$300 million a year to vendors in India. Ford sold 1,000 cars a day in May."
    )
    assert [(actor, action) for actor, action, _, _ in found(text)] == [
        ("their replacements", "earn about half that"),
        ("Ford", "sold 1,000 cars"),
    ]


def test_a_thing_that_acts_as_something_in_the_present_has_a_role_a_past_term_is_an_event() -> None:
    text = (
        "The phone has a steel frame, which acts as an antenna. The headphones serve as a mobile headset. "
        "Jobs served as CEO until 2011."
    )
    assert [(actor, action) for actor, action, _, _ in found(text)] == [("Jobs", "served as CEO")]


def test_a_relative_pronoun_opening_a_sentence_takes_up_what_was_said_and_is_no_doer() -> None:
    text = "Many colleges offer a different kind of help. Which brings us to a couple of other challenges."
    assert [action for _, action, _, _ in found(text)] == ["offer a different kind of help"]


def test_a_noun_phrase_cut_short_keeps_no_modifier_whose_head_it_left_out() -> None:
    text = (
        "GM will focus on the sale of more fuel-efficient and green vehicles. Hillary Clinton went to a hospital "
        "after her sudden collapse during the Sept. 11 memorial ceremony."
    )
    result = summarise(text, published="2016-09-12", settings=PARSE)
    actions = {e.trigger.text: e.action for e in result.events if e.trigger is not None}
    assert actions["sale"] == "sale of vehicles"  # not "sale of and green vehicles"
    assert actions["collapse"] == "sudden collapse during memorial ceremony"  # not "during 11 memorial ceremony"


def test_an_action_cut_at_its_word_limit_ends_on_no_article_preposition_or_possessive() -> None:
    text = (
        "Apple Computer announced on Tuesday the first generation of their products to use Intel processors. "
        "Apple said it will give owners of its new iPhone 4 a free case."
    )
    result = summarise(text, published="2010-07-16", settings=PARSE)
    actions = {e.trigger.text: e.action for e in result.events if e.trigger is not None}
    assert actions["announced"] == "announced on Tuesday the first generation"  # not "… generation of their"
    assert actions["give"] == "give owners of its new iPhone 4"  # not "… iPhone 4 a"


def test_the_noun_a_participle_hangs_on_is_what_its_agent_acted_on_before_a_phrase_of_time() -> None:
    text = "The announcement came in a rare press conference held by Apple on Friday morning."
    assert ("Apple", "held a rare press conference on Friday morning", (), None) in found(text)
    # the noun's phrase as written, its possessive joined to its noun
    text = "Kim praised the mayor's lunch hosted by the council."
    assert ("the council", "hosted the mayor's lunch", (), None) in found(text)


def test_be_with_the_act_noun_its_subject_is_doing_is_named_by_both_words() -> None:
    result = summarise(
        "Steve Jobs said he would be on medical leave for a month.", published="2011-01-17", settings=PARSE
    )
    assert [e.trigger.text for e in result.events if e.trigger is not None] == ["be on medical leave"]


def test_a_bare_quantifier_subject_names_part_of_a_group_not_the_name_before_it() -> None:
    # "some … others" divide the group told before: each part is shown as the sentence names it
    text = "Many buyers could not reach Apple. Some had difficulty finishing their orders, while others gave up."
    assert [actor for actor, _, _, _ in found(text)] == ["Many buyers", "Some", "Some", "others"]


def test_a_bare_quantifier_that_counts_no_group_named_is_no_doer() -> None:
    # "some" alone names nobody a reader can tell: the act is told with no doer, as a passive's is
    text = "The senator looked tired at the hearing, and some speculated about his health."
    assert ("", "speculated about his health") in [(actor, action) for actor, action, _, _ in found(text)]
    text = "The clip was widely shared. It was viewed by many as an insult to the troops."
    assert [actor for actor, action, _, _ in found(text) if action.startswith("viewed")] == [""]
    # a group the words name is the doer: "some of the protesters", and a relative's "many of the deaths"
    text = "Some of the protesters threw rocks at the police."
    assert [actor for actor, _, _, _ in found(text)] == ["Some of the protesters"]
    text = "He recounts many of the strikes that followed, which brought new members to the union."
    brought = [actor for actor, action, _, _ in found(text) if action.startswith("brought")]
    assert brought == ["many of the strikes"]


def test_the_possessor_of_an_act_noun_after_a_preposition_of_setting_is_a_party() -> None:
    # the one who decided takes part; a name that only says which charge is a setting, no party
    assert found("Republicans are zeroing in on Clinton's decision.")[0][2] == ("Clinton",)
    assert found("Police arrested Jackson on the DUI charge on Monday.")[0][2] == ("Jackson",)


def test_a_bare_quantifier_is_no_doer_of_an_act_noun_and_one_that_counts_a_group_is_named_with_it() -> None:
    # "some" alone names nobody: not the name before it; "some of the protesters" is named, not resolved
    text = "Hillary Clinton spoke on Monday. Some are in talks with the campaign."
    assert [action for _, action, _, _ in found(text)] == ["spoke on Monday"]
    text = "Hillary Clinton spoke on Monday. Some of the protesters are in talks with police."
    assert ("Some of the protesters", "talks with police") in [(actor, action) for actor, action, _, _ in found(text)]


def test_a_speakers_bare_act_noun_of_their_own_in_their_statement_is_no_event() -> None:
    # "**Clinton** plans — according to Clinton" tells nothing the claim does not
    text = "Hillary Clinton is stressing that her plans will solve the problems."
    assert "plans" not in [action for _, action, _, _ in found(text)]
    text = 'Jane Roux met the mayor. "I have taken responsibility for my decision," Tom Baker said.'
    assert "decision" not in [action for _, action, _, _ in found(text)]
    # told again of an act told with its words: one more telling of it, kept for grounding to merge
    text = "Obama explained his proposed reorganization plan for General Motors. His plan, he stated, was to save GM."
    assert ("Obama", "plan") in [(actor, action) for actor, action, _, _ in found(text)]
    # what befalls the one the pronoun names is news of them (whoever the parse takes it for)
    text = "Miles Vinar spoke about seeing his brother plunge to his death."
    assert "death" in [action for _, action, _, _ in found(text)]
    # a doer who only shares the speaker's surname is another person: his act noun is news of him
    text = "Hillary Clinton said Bill Clinton stands by his plans."
    assert ("Bill Clinton", "plans") in [(actor, action) for actor, action, _, _ in found(text)]


def test_an_act_of_saying_not_done_is_a_negated_event_and_a_saying_not_done_is_nothing() -> None:
    # an act with a force of its own (ACT_CUES) not done is told as such, whatever it would have said; "did not say"
    # and "refused to comment" do nothing
    text = (
        "Apple did not confirm that Papermaster had left the company. "
        "Airbus declined to confirm that the jet would be delayed. "
        "The Kremlin refused to comment on the meeting. Lyon did not say whether the plant would close."
    )
    result = summarise(text, published="2010-08-09", settings=PARSE)
    acts = [(e.trigger.text, e.status) for e in result.events if e.trigger and e.trigger.text in ("confirm", "say")]
    assert acts == [("confirm", "negated"), ("confirm", "negated")]
    assert not [e for e in result.events if e.trigger and e.trigger.text in ("comment", "refused", "declined")]


def test_a_deed_set_aside_is_a_negated_event_as_the_deed_done_is_an_event() -> None:
    text = "Rather than recall the devices or offer a hardware fix, Jobs said that Apple will offer a free case."
    result = summarise(text, published="2010-07-17", settings=PARSE)
    offers = [(e.action, e.status) for e in result.events if e.trigger and e.trigger.text == "offer"]
    assert offers == [("offer a hardware fix", "negated"), ("offer a free case", "planned")]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # a particle the parse hangs as a particle, an adverb or an objectless preposition is the verb's
        ("Talks on the bailout broke down.", "broke down"),
        ("The company's deal with Fiat went through.", "went through"),
        ("Acme's chief executive will step down.", "step down"),
        # what the verb says its object becomes stays, within the budget, by shortening the object
        ("Demonstrators set their bank on fire on Monday.", "set their bank on fire"),
        (
            "A flaw in the browser left millions of computers vulnerable to hacking.",
            "left millions of computers vulnerable",
        ),
        ("Mr. Trump has put these matters in play.", "put these matters in play"),
        ("The president would consider it a personal insult if they did not vote.", "consider it a personal insult"),
        # "short of": the act is what it stopped short of; a preposition's act with its object
        ("Trump stopped short of calling the actions racially motivated.", "stopped short of calling the actions"),
        ("Mr. Obama set about persuading President Xi Jinping.", "set about persuading President Xi Jinping"),
        # a relative clause's noun is what its verb acts on
        ("Chrysler wants $5 billion on top of the four billion it has already received.", "received the four billion"),
        ("The deal was announced at a forum that President Putin had set up.", "set up a forum"),
        # a number that names its noun stays with it; a preposition a question left behind does not end an action
        (
            "The Interior Department announced a change to Section 7 of the Endangered Species Act.",
            "announced a change to Section 7",
        ),
        ("The event will be held on October 12 in San Francisco.", "The event be held on October 12"),
        ("I don't judge what people choose to spend money on, he said.", "spend money"),
        # a bare plural subject keeps the short relative clause that says which of its kind
        (
            "Things that are not literally true are rated correct.",
            "Things that are not literally true are rated correct",
        ),
        # a number keeps the unit written onto it
        ("The company paid 7m to settle the case.", "paid 7m"),
    ],
)
def test_an_action_keeps_what_its_verb_needs_to_mean_what_the_sentence_says(text: str, action: str) -> None:
    assert action in [found_action for _, found_action, _, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a verb that names nothing done without its object or complement is no line
        ("Voters will not know how much he gives or what he might be concealing.", "concealing"),
        ("Voters want to know what he gives.", "gives"),
        # a fixed phrase is no verb; a caption's button is nobody's act
        ("The company raised prices, as opposed to cutting costs.", "opposed"),
        ("Full speech: President Obama Speech at the Foundation Watch on YouTube.", "Watch"),
    ],
)
def test_a_verb_that_names_nothing_done_on_its_own_is_no_event(text: str, word: str) -> None:
    assert not [a for _, a, _, _ in found(text) if a.split()[0] == word]


def test_a_day_the_parse_hangs_at_the_end_of_an_announcement_s_object_dates_the_announcing() -> None:
    text = "Jones announced the firm's merger on Tuesday. Brown confirmed the bank's plan on Tuesday to close branches."
    result = summarise(text, published="2021-03-04", settings=PARSE)
    times = event_times(result)
    assert times["announced"] == "2021-03-02"  # made public that day
    assert times["confirmed"] is None  # the day stands inside the object, before its infinitive


def test_an_amount_subject_is_named_with_the_group_its_of_phrase_names() -> None:
    # "A number" or "a lot" alone names nobody; the members counted are the doers
    text = "A number of protesters marched on the capitol. A lot of investors sold their shares."
    assert [actor for actor, _, _, _ in found(text)] == ["A number of protesters", "A lot of investors"]


def test_the_two_alone_as_a_subject_is_the_two_parties_named_last() -> None:
    # "The two" points back as "both" does; an act the two do together is one event, by the first with the other
    text = "GM said its package includes a payment. Chrysler will offer a voucher. The two will offer the deal."
    assert [actor for actor, action, _, _ in found(text) if action.startswith("offer the deal")] == ["GM", "Chrysler"]
    text = "Kim Jong Un arrived on Wednesday to meet Vladimir Putin. The two met at a university on Thursday."
    met = [(actor, targets) for actor, action, targets, _ in found(text) if action.startswith("met")]
    assert met == [("Kim Jong Un", ("Vladimir Putin",))]


def test_it_after_a_name_of_people_by_a_common_noun_stands_for_no_name() -> None:
    # "it" is neither the experts nor the mayor, and a name before them would be a guess: no doer, no line
    text = "Tax plan studied\n\nThe Tax Foundation studied the plan. Experts say it would cut taxes for the rich."
    assert [action for _, action, _, _ in found(text) if action.startswith("cut")] == []
    text = "Phone unveiled\n\nApple unveiled the phone. The mayor said on Tuesday that it would take more hours."
    assert [action for _, action, _, _ in found(text) if action.startswith("take")] == []
    # a company named last is what "it" stands for, as before
    text = "Phone praised\n\nExperts praised the phone. Apple said that it would cut prices."
    assert ("Apple", "cut prices") in [(actor, action) for actor, action, _, _ in found(text)]
