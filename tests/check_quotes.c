/* check_quotes.c: table-driven tests of the quotes plugin. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "tp-harness.h"

/* One case: a text, its quotes joined with '|' and their speakers
 * joined with '|' ("-" for none).  NULL speakers: not checked. */
typedef struct {
  const char *text;
  const char *quotes;
  const char *speakers;
} QuoteCase;

/* Sentences with no names and no reporting verbs, to move a quote away
 * from the names before it. */
#define QUOTE_FILLER_A                                                         \
  "That poll may still be months away, but there can be little doubt "         \
  "left that the campaign is now in full swing. There was a long account "     \
  "of the record of the last few years, with a strong emphasis on the "        \
  "economy and on schools and hospitals. "
#define QUOTE_FILLER_B                                                         \
  "The crowd cheered all the way to the line, and the weather held for "       \
  "most of the morning after a wet and windy start. The course was flat "      \
  "and fast, and the times were among the best seen on it for many years. "

static const QuoteCase quote_cases[] = {
  /* "...," NAME said / said NAME, the ... */
  { "\u201cWe will not back down,\u201d Carney said.", "We will not back down,",
    "Carney" },
  { "\u201cWe will not back down,\u201d said Mark Carney, the prime minister.",
    "We will not back down,", "Mark Carney" },
  { "\"It was a hard year for everyone,\" said Ravi Menon, economist at a "
    "bank in Tokyo.",
    "It was a hard year for everyone,", "Ravi Menon" },
  { "\"We expect growth,\" trade minister Kenji Mori told reporters.",
    "We expect growth,", "Kenji Mori" },
  { "\"Prices will fall\", the company said in a statement.",
    "Prices will fall", "the company" },
  { "\u201cWhy now?\u201d asked Maria Lopez, a teacher.", "Why now?",
    "Maria Lopez" },
  /* NAME said: "..." / He added, "..." */
  { "Ana Ruiz said: \u201cThe port will reopen on Monday.\u201d",
    "The port will reopen on Monday.", "Ana Ruiz" },
  { "Ana Ruiz spoke first. She added, \u201cThe port will reopen.\u201d",
    "The port will reopen.", "Ana Ruiz" },
  /* partial quotes inside a sentence */
  { "Joan Baker said the council \u201cstrongly opposes\u201d the plan.",
    "strongly opposes", "Joan Baker" },
  { "Joan Baker said the council \u201cstrongly opposes\u201d what they "
    "called \u201ca reckless scheme.\u201d",
    "strongly opposes|a reckless scheme.", "Joan Baker|Joan Baker" },
  /* according to */
  { "\u201cThe fund is empty and nobody knows why,\u201d according to "
    "auditor Rita Moss.",
    "The fund is empty and nobody knows why,", "Rita Moss" },
  /* interrupted quote: two quotes, one speaker */
  { "\u201cWe rebuild slowly,\u201d Kim Lee said Monday. \u201cSo we have "
    "time.\u201d",
    "We rebuild slowly,|So we have time.", "Kim Lee|Kim Lee" },
  /* a quote alone in its paragraph takes the previous speaker */
  { "\u201cWe are ready,\u201d Omar Haddad said.\n\u201cAnd we will win the "
    "vote next week.\u201d",
    "We are ready,|And we will win the vote next week.",
    "Omar Haddad|Omar Haddad" },
  /* a quote over two paragraphs: one quote per paragraph */
  { "Omar Haddad said: \u201cThe first part ends here.\n\u201cThe second part "
    "ends here.\u201d",
    "The first part ends here.|The second part ends here.",
    "Omar Haddad|Omar Haddad" },
  /* pronouns and short names resolve to the fullest name */
  { "Prime Minister Mark Carney arrived late.\n\u201cWe are ready to act "
    "now,\u201d he said.",
    "We are ready to act now,", "Mark Carney" },
  { "Mark Carney arrived.\n\u201cWe will act soon,\u201d Carney said.",
    "We will act soon,", "Mark Carney" },
  { "\u201cWe are ready,\u201d said Prime Minister Mark Carney.",
    "We are ready,", "Mark Carney" },
  { "Prime Minister Mark Carney arrived.\n\u201cWe are ready,\u201d the "
    "prime minister said.",
    "We are ready,", "Mark Carney" },
  { "Mr Lee spoke. Kim Lee is the leader.\n\"We go on,\" Mr Lee "
    "said.",
    "We go on,", "Kim Lee" },
  /* a paragraph break lost inside a quote: each part is a quote */
  { "Kim Lee said: \"We played well today. \"The fans were loud all game.\"",
    "We played well today.|The fans were loud all game.", "Kim Lee|Kim Lee" },
  /* the attribution ends the sentence of a partial quote */
  { "The talks follow a \"long and bitter session\" on Friday, party sources "
    "told reporters.",
    "long and bitter session", "party sources" },
  { "A deal is of \"great importance\" to the region, Kim Lee has said.",
    "great importance", "Kim Lee" },
  /* a run opened by a word that is no name leaves that word out of the
   * name ("Under Okafor" is Okafor); a sentence opener leaves its single
   * word as a name ("A Norvia spokesman"); "The" runs stay names, which
   * are no person ("Moon DVD" is not the "he" after "The DVD") */
  { "Party vote\n\nAlthough Okafor lost the vote, the group stayed "
    "together.\n\n\"We are not done yet,\" Okafor said.",
    "We are not done yet,", "Okafor" },
  { "Party vote\n\nUnder Okafor the group grew fast.\n\n\"We are not done "
    "yet,\" Okafor said.",
    "We are not done yet,", "Okafor" },
  { "Staff row\n\nThe pilot was let go in May. A Norvia spokesman confirmed "
    "it on Monday. Norvia has declined to elaborate on what it calls "
    "\"internal staff matters\".",
    "internal staff matters", "Norvia" },
  { "Discs\n\nThe DVD market is busy. For Tom Reyes, head of a small "
    "studio, the future is bright. He has worked on the Blue Moon DVD set. "
    "\"It was a great job,\" he said.\n\nThe DVD will sell well, says Mr "
    "Reyes.",
    "It was a great job,", "Tom Reyes" },
  /* "he" after a name whose run opens with "The" ("The Kestrel prop",
   * "Kestrel, who signed Tate"): no person, the person named before */
  { "Tate ready\n\nProp John Tate expects a hard game on Saturday.\n\nThe "
    "Kestrel prop is in the form of his life. \"The other pack is "
    "strong,\" he said. He beat the Welsh front row last year. Kestrel, "
    "who signed Tate from Hull in 2003, are top of the league. \"I am "
    "pleased with my form,\" he said.",
    "The other pack is strong,|I am pleased with my form,",
    "John Tate|John Tate" },
  /* ... with the body's short form in brackets after its name */
  { "Farm output rose, but \"deep changes\" are still needed, the World "
    "Grain Council (WGC) has said.",
    "deep changes", "World Grain Council" },
  { "Farm output rose, but \"deep changes\" are still needed, the World "
    "Grain Council (WGC) said.",
    "deep changes", "World Grain Council" },
  /* a name in apposition wins over a lower-case head */
  { "The group's director, Ruth Okoye, said: \"We will keep going.\"",
    "We will keep going.", "Ruth Okoye" },
  /* a relative clause: Ms Costa, who has described it as a "trap" */
  { "Ana Costa was there. Ms Costa, who has described the plan as a \"trap\", "
    "left early.",
    "trap", "Ana Costa" },
  /* a time phrase between subject and verb */
  { "Tom Reyes in March said he was tired of \"spin\" on the issue.", "spin",
    "Tom Reyes" },
  /* he: a party or a body is no he, nor a headline in capitals, and a
   * name never runs over a line break */
  { "CENTRAL BANK RAISES RATES\n\nLuis Pena spoke on Monday. The Central "
    "Bank acted, and he said \"we had no other choice\".",
    "we had no other choice", "Luis Pena" },
  { "Omar Haddad spoke at length on Tuesday.\nHe reminded the hall what New "
    "Labour stood for, and, as he said, it is more than \"a slogan for "
    "elections\".",
    "a slogan for elections", "Omar Haddad" },
  /* he: the person named as the subject just before */
  { "\"We are ready,\" said Omar Haddad.\nLuis Pena admitted it was "
    "hard. He said: \"We had a long way to go.\"",
    "We are ready,|We had a long way to go.", "Omar Haddad|Luis Pena" },
  { "Maya Chen, an editor, says sequels sell.\n\"I can see why studios make "
    "it.\"",
    "I can see why studios make it.", "Maya Chen" },
  { "Lena Varga withdrew from the final.\n\"My knee gave way,\" said the "
    "29-year-old.",
    "My knee gave way,", "Lena Varga" },
  { "Rui Matos starred again.\n\"We deserved a point,\" said the "
    "Lyon player.",
    "We deserved a point,", "Rui Matos" },
  { "Rui Matos starred again.\n\"We deserved a point,\" said the "
    "spokesman.",
    "We deserved a point,", "the spokesman" },
  /* a participle: the sentence's subject */
  { "Ana Costa spoke. But she rejected the offer, saying no \"fixed "
    "number\" would work.",
    "fixed number", "Ana Costa" },
  /* "a spokesman" is not the spokesman named elsewhere */
  { "Party spokesman Ivan Petrov left.\n\"It is important to wait,\" a "
    "spokesman said.",
    "It is important to wait,", "a spokesman" },
  /* other marks */
  { "Jane Smith said the deal was 'a very good one for us'.",
    "a very good one for us", "Jane Smith" },
  { "\u00abWe are ready,\u00bb said Jean Tremblay.", "We are ready,",
    "Jean Tremblay" },
  { "\u201eWir sind bereit\u201c, sagte Anna Weber.", "Wir sind bereit", NULL },
  { "\u2018We will stay,\u2019 Jane Smith said.", "We will stay,",
    "Jane Smith" },
  /* nested quotes belong to the outer one */
  { "\u201cHe told me \u2018no way\u2019 and left,\u201d Jane Smith said.",
    "He told me \u2018no way\u2019 and left,", "Jane Smith" },
  /* apostrophes are not quote marks */
  { "The players' union said it's Canada\u2019s turn in the '90s style.", "",
    "" },
  { "We\u2019re sure the horses' owners won\u2019t mind.", "", "" },
  /* titles of works, nicknames, scare quotes, unbalanced marks */
  { "She loved the film \u201cParasite\u201d and the song \"Bad Guy\".", "",
    "" },
  { "Wayne \"Wazza\" Rooney scored twice.", "", "" },
  { "The so-called \u201creset\u201d failed.", "", "" },
  { "Critics doubt the \u201creset\u201d will last.", "", "" },
  /* one or two capital letters: a grade or a class of shares */
  { "The firm will sell new \"B\" shares to its staff, chairman Ana Ruiz "
    "said.",
    "", "" },
  { "The limit on Cocoa \"C\" contracts was raised to six cents, the Grain "
    "Exchange said.",
    "", "" },
  { "He said \u201cthis never closes and goes on.", "", "" },
  { "\u201cOpen here.\n\nNo reopening in this paragraph.", "", "" },
  /* slogans, repeated terms, "according to" further away */
  { "The party ran with the slogan: \"Say no to waste\".", "", "" },
  { "Drones learn \"skyquette\" now. Experts said the \"skyquette\" "
    "rules help.",
    "", "" },
  { "It could order a \"cooling-off period\", which would end the "
    "strike, according to the local press.",
    "", "" },
  /* headline quotes: a clause is the lead's claim, a term is no quote */
  { "Mayor 'will sell the old harbour'\n\nCity mayor Ines Duarte says the "
    "harbour must go to pay for new schools.",
    "will sell the old harbour", "Ines Duarte" },
  { "Greens 'to scrap bus fares'\n\nThe Green Party is pledging to end "
    "fares on every bus in the county.",
    "to scrap bus fares", "Green Party" },
  { "Bank 'has lost its way'\n\nShares fell on Friday. \"The board has "
    "lost its way,\" said investor Pavel Novak.",
    "has lost its way|The board has lost its way,", "Pavel Novak|Pavel Novak" },
  { "The 'silver vote' matters\n\nPensioner groups say older voters "
    "decide elections.",
    "", "" },
  { "Prices 'set to fall'\n\nHouse prices are set to fall this year, "
    "according to the Land Registry.",
    "set to fall", "Land Registry" },
  /* a source found only in a later paragraph does not count */
  { "Firm 'will cut 300 jobs'\n\nA carmaker is to cut 300 jobs, the "
    "paper understands.\n\nIts boss Jan Wirth said: \"It is a sad day.\"",
    "It is a sad day.", "Jan Wirth" },
  { "Games 'must carry warnings'\n\nParents cannot see what their "
    "children are playing, minister Tessa Ray has said.",
    "must carry warnings", "Tessa Ray" },
  /* no blank line after the first line: no headline */
  { "Mayor 'will sell the old harbour'\nCity mayor Ines Duarte says the "
    "harbour must go.",
    "", "" },
  /* an office named with no holder: the Mr/Ms X of an earlier sentence,
   * else of a later one; never someone named with another office */
  { "Anna Berg and Olaf Lind met. The prime minister said taxes would be "
    "\"cut a little\" next year.\n\nMr Lind told the radio he agreed.",
    "cut a little", "Olaf Lind" },
  { "Anna Berg and Olaf Lind met. \"We will cut taxes,\" the Prime "
    "Minister said.\n\nMs Berg later said she agreed.",
    "We will cut taxes,", "Anna Berg" },
  { "Olaf Lind met Anna Berg. Mr Lind spoke first. \"We will cut "
    "taxes,\" the prime minister said.\n\nMs Berg agreed.",
    "We will cut taxes,", "Olaf Lind" },
  { "Home Secretary Olaf Lind met Anna Berg. Mr Lind spoke first. \"We "
    "will cut taxes,\" the prime minister said.\n\nMs Berg agreed.",
    "We will cut taxes,", "Anna Berg" },
  /* a country's office named in a lead, its holder opening the next
   * sentence ("France's finance minister has said ... Pierre Lamy") */
  { "The euro rose on Monday. Meanwhile, Norway's finance minister has said "
    "the world faced \"a long slump\" unless the banks acted. Olaf Lind "
    "said he would seek a deal.",
    "a long slump", "Olaf Lind" },
  /* no honorific, same sentence, or no single-holder office: as written */
  { "Anna Berg and Olaf Lind met. \"We will cut taxes,\" the prime "
    "minister said.\n\nOlaf Lind later agreed.",
    "We will cut taxes,", "the prime minister" },
  { "Olaf Lind met Anna Berg. Mr Lind spoke first. \"We will cut "
    "taxes,\" the shadow chancellor said.",
    "We will cut taxes,", "the shadow chancellor" },
  { "Anna Berg and Olaf Lind met. The prime minister praised Mr Lind "
    "for his \"steady hand\".",
    "steady hand", "The prime minister" },
  /* they: a group named as an object just before */
  { "The bill, which officials say will save money, is opposed by the "
    "Free Democrats.\n\nThey have said the plan is \"badly costed\" and "
    "unfair.",
    "badly costed", "the Free Democrats" },
  /* ... but a subject named after the group wins */
  { "The bill is opposed by the Free Democrats. Officials said it was "
    "fine.\n\nThey said the plan was \"well costed\" and fair.",
    "well costed", "Officials" },
  /* a partial quote, then a full name and a cue later in the sentence */
  { "The summit will be a \"turning point\" for the region Maria Santos "
    "will say as she opens it.",
    "turning point", "Maria Santos" },
  /* ... not across a sentence end, nor with a passive cue */
  { "Costs rose by \"about a third\". Maria Santos said so.", "", "" },
  { "The plan is a \"turning point\" for the region Maria Santos was "
    "told by aides.",
    "", "" },
  { "He is one of the \"old guard\" and backs the North East Says No "
    "group.",
    "", "" },
  { "She is one of the \"old guard\", says Maria Santos, a friend.",
    "old guard", "Maria Santos" },
  /* thanked, praised, condemned report speech too */
  { "Singer Ana Lopes thanked her band and her \"rock\", her mother.", "rock",
    "Ana Lopes" },
  { "Coach Tom Reyes praised the \"brave and calm\" defence.", "brave and calm",
    "Tom Reyes" },
  /* "the head of the X Institute, Name Surname, said": the name */
  { "The head of the Fiscal Studies Institute, Carl Emery, warned: "
    "\"Taxes will rise.\"",
    "Taxes will rise.", "Carl Emery" },
  { "The chief of the Port Authority, Lena Varga, has said: \"We will "
    "reopen.\"",
    "We will reopen.", "Lena Varga" },
  /* they: a lower-case group of people named as an object */
  { "The talks with the unions ended late. They said the offer was \"an "
    "insult\" to staff.",
    "an insult", "the unions" },
  { "Pay talks stalled for the teachers. They said the offer was \"an "
    "insult\" to staff.",
    "an insult", "the teachers" },
  /* ... not a plural thing ("the talks") */
  { "Nobody came to the talks. They said the offer was \"an insult\" to "
    "staff.",
    "", "" },
  /* the last part of a quote whose paragraph breaks were lost, ending the
   * paragraph without a closing mark */
  { "Lena Varga said: \"We trained hard. \"We deserved the win.\n\nThe "
    "season ends soon.",
    "We trained hard.|We deserved the win.", "Lena Varga|Lena Varga" },
  /* ... not when it runs over more than one sentence */
  { "Lena Varga said: \"We trained hard. \"We deserved it. Fans agreed "
    "with us.\n\nThe season ends soon.",
    "We trained hard.", "Lena Varga" },
  /* a spaced closing mark after a sentence end closes the quote */
  { "\"We will win,\" said Omar Haddad. \"The team is ready. \" Fans "
    "queued for hours.",
    "We will win,|The team is ready.", "Omar Haddad|Omar Haddad" },
  /* a headline quote whose words come back in the lead paragraph */
  { "Mayor to be 'firm' on rents\n\nMayor Tom Reyes has pledged a "
    "\"firm\" line on rents in the city.",
    "firm|firm", "Tom Reyes|Tom Reyes" },
  { "Strong harvest 'a relief'\n\nFarm minister Ana Lopes said a strong "
    "harvest was a relief for growers.",
    "a relief", "Ana Lopes" },
  /* ... not when the lead has no source for them */
  { "Council warned over 'green belt'\n\nThe green belt around the town "
    "is shrinking fast.",
    "", "" },
  /* "a spokesman for X, Dr Y, told": the name in apposition, also for he */
  { "A spokesman for Delta Foods, Dr Rao, told the radio the deal was \"a "
    "fair one\". He said the firm would \"grow fast and hire\".",
    "a fair one|grow fast and hire", "Rao|Rao" },
  /* a long apposition with an acronym in brackets */
  { "Lena Varga, general secretary of the National Union of Port Workers "
    "(NUPW), said the plan was \"a serious mistake\".",
    "a serious mistake", "Lena Varga" },
  /* "Name, title, of Firm - a ... company - told": the name */
  { "Tom Reyes, head of sales, of Delta Foods - a large food company - told "
    "us this was \"a big step.\"",
    "a big step.", "Tom Reyes" },
  /* ", which described": the organisation before it */
  { "The deal was welcomed by Lisbon, which described the plan as a \"fair "
    "compromise\".",
    "fair compromise", "Lisbon" },
  /* "is reported to be": passive, no source */
  { "Ms Costa is reported to be \"furious\" about it.", "", "" },
  /* "the Home Office" is no titled person for he */
  { "Mr Tom Reyes criticised the plan, which the Home Office says is cheap. "
    "\"Is that the best they can do?\" he asked.",
    "Is that the best they can do?", "Tom Reyes" },
  /* a participle: the nominal subject that opens the sentence, not a
   * noun in the object ("the latest claims") */
  { "A bank spokeswoman dismissed the latest claims, saying the plan was "
    "\"fully funded\".",
    "fully funded", "A bank spokeswoman" },
  /* "the prime minister's spokesman" is not the prime minister */
  { "Prime Minister Lena Varga flew home.\n\nThe prime minister's official "
    "spokesman also rejected the claims, saying: \"The figures are "
    "wrong.\"",
    "The figures are wrong.", "The prime minister's official spokesman" },
  /* passive: "described as "..." by X", "described by X as "..."" */
  { "The plans have been described as \"a costly mistake\" by the Green "
    "Party.",
    "a costly mistake", "Green Party" },
  { "The new phone was described by Kim Lee as the \"best we have made\".",
    "best we have made", "Kim Lee" },
  /* ... not "agreed by X" with no "as": the quote need not be X's */
  { "The leave was agreed by a doctor \"after long talks with staff\".", "",
    "" },
  /* he: a name that is its sentence's subject, with a past verb */
  { "\"We are ready,\" said Rui Matos.\n\nUnion general secretary Tom Reyes "
    "repeated his view that cuts were coming. \"This is hard for us,\" he "
    "said.",
    "We are ready,|This is hard for us,", "Rui Matos|Tom Reyes" },
  /* ... not a name inside a phrase */
  { "\"We are ready,\" said Rui Matos.\n\nThe talks with Tom Reyes ended "
    "early. \"This is hard for us,\" he said.",
    "We are ready,|This is hard for us,", "Rui Matos|Rui Matos" },
  /* "the paper quotes X (as saying)": X */
  { "\"We are worried about the money,\" the paper quotes a source close to "
    "the firm.",
    "We are worried about the money,", "a source close to the firm" },
  { "\"It is a matter of pride,\" Reuters quoted a bank official as saying.",
    "It is a matter of pride,", "a bank official" },
  /* "X said ... "...", the agency reported": X */
  { "Oslo said the damage to the port was \"severe\", the agency reported.",
    "severe", "Oslo" },
  /* she: "The former judge and mayor told ..." describes the person named
   * just before */
  { "Ana Costa has said the ruling is fair.\n\nThe former judge and Lisbon "
    "mayor told the radio the ruling mattered. \"It would be wrong to "
    "ignore it,\" she said.",
    "It would be wrong to ignore it,", "Ana Costa" },
  /* it: the last body or thing that said something */
  { "Delta Bank said profits rose. It said the outlook was \"bright but "
    "uncertain\".",
    "bright but uncertain", "Delta Bank" },
  /* ... not a man */
  { "Mr Tom Reyes said profits rose. It said the outlook was \"bright but "
    "uncertain\".",
    "", "" },
  /* "A X report on the Y says": the report, not the Y */
  { "A Port Authority report on the ten biggest ferries says costs rose. It "
    "says there is \"little hope\" of savings.",
    "little hope", "A Port Authority report" },
  /* a partial quote, then ", said NP" at the end of the sentence */
  { "The law lets people use \"whatever is near\" as a weapon, said the "
    "leaflet issued by police.",
    "whatever is near", "the leaflet" },
  { "Fans want \"a lot more goals\", says a panel of coaches.",
    "a lot more goals", "a panel" },
  /* a quoted name of a kind of thing is a term: a "smart buying" policy */
  { "Ana Costa said there is \"little hope\" of savings, despite a \"smart "
    "buying\" policy.",
    "little hope", "Ana Costa" },
  /* it: also over an earlier quote; "The guidance published on Monday,
   * said" has the guidance as subject */
  { "The guidance published on Monday, said police had a duty to act. "
    "Police were \"keen\" to deal with cases \"as fast as they can\", it "
    "said.",
    "as fast as they can", "The guidance" },
  /* "the claims" is a noun, not a reporting verb */
  { "A bank spokesman dismissed the latest claims. Ana Costa said the claims "
    "were \"without merit\".",
    "without merit", "Ana Costa" },
  /* "Deputy Prime Minister X" does not hold "the prime minister" */
  { "Deputy Prime Minister Tom Reyes hosted the dinner. Mr Lee said "
    "so.\n\n\"We will not change course,\" the prime minister said.",
    "We will not change course,", "the prime minister" },
  /* "X welcomed the offer and said": X, not the offer */
  { "Ana Costa said the talks were over.\n\nThe union welcomed the offer and "
    "said it was \"a fair deal\".",
    "a fair deal", "The union" },
  { "Union leader Ana Costa backed the plan but said it was \"too slow\".",
    "too slow", "Ana Costa" },
  /* "went on to say", "meanwhile told" */
  { "Tom Reyes said the vote was close. He went on to say: \"We will win it "
    "next time.\"",
    "We will win it next time.", "Tom Reyes" },
  { "Ana Costa sat down. Mr Tom Reyes meanwhile told the radio: \"We will "
    "win it next time.\"",
    "We will win it next time.", "Tom Reyes" },
  /* "shadow chancellor X" does not hold "the chancellor" */
  { "Shadow chancellor Tom Reyes attacked the plan. Mr Reyes spoke "
    "first.\n\nThe chancellor said the budget was \"fair and balanced\".",
    "fair and balanced", "The chancellor" },
  /* a quote after a sentence opened by a person's name, same paragraph */
  { "The vote was close.\n\nMr Tom Reyes went on to list his plans for the "
    "city. \"So now we have a choice to make.\"",
    "So now we have a choice to make.", "Tom Reyes" },
  /* ... not a name inside the sentence, nor a quote that speaks of him */
  { "The vote was close.\n\nThe crowd cheered for Tom Reyes after the "
    "count. \"So now we have a choice to make.\"",
    "So now we have a choice to make.", "-" },
  { "The vote was close.\n\nMr Tom Reyes won the seat easily. \"He will be "
    "a fine mayor for us all.\"",
    "He will be a fine mayor for us all.", "-" },
  /* an organisation and a noun for a body: "Broadcast magazine said" */
  { "The show did badly.\n\nBroadcast magazine said: \"It was the worst "
    "show of the year.\"",
    "It was the worst show of the year.", "Broadcast magazine" },
  /* ... not a capitalised adverb */
  { "Privately ministers believe the plan will be \"a disaster\" for them.",
    "a disaster", "ministers" },
  /* '"..." said X' with the comma lost */
  { "\"Music players are now a mainstream technology\" said Lena Varga, a "
    "researcher.",
    "Music players are now a mainstream technology", "Lena Varga" },
  /* a participle after a clause that opens with a subordinate phrase */
  { "As he arrived at the court on Monday, Mr Tom Reyes greeted the press, "
    "saying: \"I have full faith in the judges.\"",
    "I have full faith in the judges.", "Tom Reyes" },
  /* "In a statement, X said ... but added that:" */
  { "In a statement on Monday, Delta Bank said profits rose but added that: "
    "\"There can be no promise of a deal.\"",
    "There can be no promise of a deal.", "Delta Bank" },
  /* "X was quoted (by a paper) as saying": X */
  { "Chief executive Tom Reyes was quoted by the Daily Post as saying the "
    "firm could not stay \"all-local\".",
    "all-local", "Tom Reyes" },
  /* "The X's Finance Director, Name, said": the name */
  { "The Port Authority's Finance Director, Lena Varga, said: \"We will "
    "pay.\"",
    "We will pay.", "Lena Varga" },
  /* no subject with an auxiliary or "with": "with no cast said to be" */
  { "Ana Costa said the plans were fine. The plans were in \"very early "
    "stages\", with no cast said to be chosen.",
    "", "" },
  /* "dismissed X as "..."" */
  { "The Treasury dismissed the research as \"complete rubbish\".",
    "complete rubbish", "The Treasury" },
  /* "Name of the Org has questioned": the person, also for he */
  { "Simon Hart of the Countryside Alliance has questioned the plan. \"It is "
    "a mess,\" he said.",
    "It is a mess,", "Simon Hart" },
  /* an infinitive cue: the subject of the clause ("He urged X to admit") */
  { "Tom Reyes spoke first. He urged the mayor to admit he had dragged "
    "\"millions of people\" into debt.",
    "millions of people", "Tom Reyes" },
  /* "a bill which critics claim": the critics */
  { "Lena Varga said no. MPs will debate a bill which critics claim would "
    "allow it \"by the back door\".",
    "by the back door", "critics" },
  /* an organisation ("... Alliance") is no he */
  { "Tom Reyes said no. The Business Software Alliance warned of piracy. He "
    "said firms face \"a culture of theft\".",
    "a culture of theft", "Tom Reyes" },
  /* '"...," said the X technology director, Name': the name */
  { "\"There is no reason to wait,\" said RNID technology director, Guido "
    "Gybels.",
    "There is no reason to wait,", "Guido Gybels" },
  /* '"...," said Sky Networks' Name': over the plural possessive */
  { "\"We are proud to show it,\" said Sky Networks' Sophie Laing.",
    "We are proud to show it,", "Sophie Laing" },
  /* a slogan stays a term even with a cue after it */
  { "Under the new slogan \"Britain is working\", the minister time and "
    "again insisted on growth.",
    "", "" },
  /* nothing to find */
  { "", "", "" },
  { "No quotes at all here.", "", "" },
  /* '"...," the agency quoted (a title) Name / him as saying': the person */
  { "\"Rents will keep rising,\" the paper quoted Mr Okoro as saying.",
    "Rents will keep rising,", "Okoro" },
  { "\"We are not worried,\" AP quoted lawyer Dana Whitfield as saying.",
    "We are not worried,", "Dana Whitfield" },
  { "Lena Brandt spoke in Oslo. \"It will pass,\" the radio quoted her as "
    "saying.",
    "It will pass,", "Lena Brandt" },
  /* 'he was quoted by the agency as saying' stays passive */
  { "Pavel Orlov is the mayor. \"We will rebuild,\" he was quoted by the "
    "agency as saying.",
    "We will rebuild,", "Pavel Orlov" },
  /* a whole sentence with a new speaker and a cue between two quotes of
   * a paragraph: the new speaker ("he warned": still the old one) */
  { "\"We had a good year,\" Ana Ruiz said. Tom Hale warned that costs "
    "were rising. \"Prices will go up next spring.\"",
    "We had a good year,|Prices will go up next spring.", "Ana Ruiz|Tom Hale" },
  { "\"We had a good year,\" Ana Ruiz said. Costs were rising, she warned. "
    "\"Prices will go up next spring.\"",
    "We had a good year,|Prices will go up next spring.", "Ana Ruiz|Ana Ruiz" },
  /* a capitalised verb inside a sentence is a title, no cue */
  { "\"We had a good year,\" Ana Ruiz said. Critics panned the play Nobody "
    "Says Goodbye. \"Nothing about it worked for me.\"",
    "We had a good year,|Nothing about it worked for me.",
    "Ana Ruiz|Ana Ruiz" },
  /* "the Green leader": the person named just before, even as an object
   * (a name seen with Ms/Mr); not "the shadow minister" */
  { "Ministers rejected a call for a pause from Ana Costa. The Green leader "
    "said the bill was \"a grave and costly mistake\". Ms Costa left.",
    "a grave and costly mistake", "Ana Costa" },
  { "Ministers rejected a call for a pause from Ana Costa. The shadow "
    "minister said the bill was \"a grave and costly mistake\". Ms Costa "
    "left.",
    "a grave and costly mistake", "The shadow minister" },
  /* "Name, 52, who told Radio Nine ...": she is the name, not the outlet */
  { "It is a first nomination for Dana Whitfield, 52, who told Radio Nine "
    "she had not expected it. \"It was a strange and wonderful time for "
    "all of us,\" she said.",
    "It was a strange and wonderful time for all of us,", "Dana Whitfield" },
  /* a dropped scare quote is no boundary for antecedents */
  { "Tom Hale will make a speech urging people who were \"ignored\" by Ana "
    "Costa to vote Green.\n\nHe will say Greens \"care about the same "
    "things\" as voters.",
    "care about the same things", "Tom Hale" },
  /* the listener of "told" is no source for a later pronoun */
  { "Ruth Adler spoke at a rally, then told Mark Olsen about her plans. "
    "\"We start on Monday and we will not stop,\" she said.",
    "We start on Monday and we will not stop,", "Ruth Adler" },
  /* "ex-Labour chancellor X" holds no "the chancellor"; "Mr Reyes" counts
   * though his full name comes later */
  { "Earlier, ex-Labour chancellor Bob Hart welcomed the plan. Mr Reyes "
    "spoke next. Later the chancellor said it was \"a very good plan\".\n\n"
    "Tom Reyes agreed.",
    "a very good plan", "Tom Reyes" },
  /* a noun in -ly is no adverb */
  { "\"Prices will fall for all our customers,\" the former monopoly said.",
    "Prices will fall for all our customers,", "the former monopoly" },
  /* "The MP for Leeds and Otley": the person named before, not the place;
   * "the minister for civil aviation Ana Costa" keeps the name */
  { "However, Mr Hale predicted the campaign would start soon. The MP for "
    "Leeds and Otley said Ana Costa had been \"trying very hard\" to win "
    "votes.\n\nTom Hale agreed.",
    "trying very hard", "Tom Hale" },
  { "Tom Hale spoke first.\n\n\"The days of costly flights are over,\" the "
    "minister for civil aviation Ana Costa said.",
    "The days of costly flights are over,", "Ana Costa" },
  /* a participle after an object takes the sentence's subject; after a
   * clause ("which ..., had insisted ..., calling") too; a named object
   * speaks itself */
  { "Internet provider (ISP) Fastnet also backed the proposals saying \"we "
    "will be happy if the regulator accepts them\".",
    "we will be happy if the regulator accepts them", "Fastnet" },
  { "But Poland, which borders northern Germany, had previously insisted it "
    "would not bow to demands, calling the issue a \"red line\".",
    "red line", "Poland" },
  { "The film showed Mr Tom Reyes, apparently talking about the plan, "
    "telling the meeting: \"We will never sell the harbour.\"",
    "We will never sell the harbour.", "Tom Reyes" },
  /* "the prime minister" guessed once names one person all through the
   * story; "the shadow chancellor" never takes the chancellor's name */
  { "Tom Reyes met Ana Costa.\n\n\"We will cut taxes,\" the prime minister "
    "said.\n\nMr Reyes agreed. Later Ms Costa spoke.\n\nBut the prime "
    "minister said it was \"a fair deal for all\".",
    "We will cut taxes,|a fair deal for all", "Tom Reyes|Tom Reyes" },
  { "Tom Reyes met Ana Costa. Mr Reyes spoke.\n\n\"We will cut taxes,\" the "
    "chancellor said.\n\nThe shadow chancellor said it was \"a poor deal for "
    "all\".",
    "We will cut taxes,|a poor deal for all",
    "Tom Reyes|The shadow chancellor" },
  /* a pronoun after "X said ... when Y argued ...": the main clause's X */
  { "But Mr Tom Hale said he had backed the plan when Mr Tom Reyes argued "
    "for it in cabinet and he backed it now. \"It will make the city safer "
    "for everyone,\" he said.",
    "It will make the city safer for everyone,", "Tom Hale" },
  /* an attributed predicate after a term noun is speech; a so-called
   * term stays a term */
  { "Tom Hale said having a long campaign \"turned off voters\" in the "
    "north.",
    "turned off voters", "Tom Hale" },
  { "Tom Hale said the rules cover so-called \"mixed credits\" in the north.",
    "", "" },
  /* a participle after a prepositional object takes the sentence's
   * subject */
  { "Ana Costa spoke in Leeds. But Mr Tom Hale will argue against positive "
    "discrimination saying it is \"outdated and unjust\".",
    "outdated and unjust", "Tom Hale" },
  /* "Sir Tom": the full name whose first name it is */
  { "Sir Tom Reyes chairs the panel. Later Sir Tom said the plan was \"a "
    "fair and decent one\".",
    "a fair and decent one", "Tom Reyes" },
  /* "said the American": the person named since the previous quote */
  { "Tom Reyes won in three sets. \"I felt pretty good today,\" said the "
    "American.",
    "I felt pretty good today,", "Tom Reyes" },
  /* he/she with no antecedent in the window and no earlier speaker: the
   * story's main person (named most, first introduced), not whoever was
   * named last paragraphs ago; a person named just before still counts */
  { "Hale sets out his plan\n\nTom Hale's big speech will be seen as the "
    "start of the campaign.\n\n" QUOTE_FILLER_A
    "There was talk of his rift with Chancellor Ben Ruiz.\n\n" QUOTE_FILLER_A
    "And as he said, it was more than \"a plan for every family in the "
    "land\".",
    "a plan for every family in the land", "Tom Hale" },
  { "Ruiz in row over hospital\n\nAna Ruiz has said the ward must stay "
    "open. Ms Ruiz spoke on Monday.\n\n" QUOTE_FILLER_A QUOTE_FILLER_A
    "He must remember his clash with Eva Lind, the woman who shouted at him "
    "in 2001. \"You never do anything to help anybody,\" she told him.",
    "You never do anything to help anybody,", "Eva Lind" },
  { "Lind wins in Oslo\n\nEva Lind won the race in two hours. It was Lind's "
    "third win of the year, ahead of Kim Soto and Ana Ruiz.\n\n" QUOTE_FILLER_B
        QUOTE_FILLER_B "\"It's a good way to end the year,\" she said.",
    "It's a good way to end the year,", "Eva Lind" },
  /* "Name, <a long apposition with a relative clause>, said:" */
  { "Ana Ruiz said: \"We want action on this now.\"\n\nRory Neill, editor "
    "of union-backed Lark magazine, which conducted the research, said: "
    "\"Giving reps more rights is a win for all.\"",
    "We want action on this now.|Giving reps more rights is a win for all.",
    "Ana Ruiz|Rory Neill" },
  { "On the question of the papers, Tory MP Tom Hale, who is a member of "
    "the Commons security committee and was part of the Lund inquiry, told "
    "the BBC: \"That is right as a general rule.\"",
    "That is right as a general rule.", "Tom Hale" },
  { "In Leeds, Paris, Rome and Oslo, which all have big ports, officials "
    "said: \"We will reopen the docks soon.\"",
    "We will reopen the docks soon.", "officials" },
  /* ", says Tom Hale, the editor": the name after an inverted verb, not
   * the phrase before the comma; not a name with more after it */
  { "Its makers chose the drama category, rather than comedy, says Tom "
    "Hale, the editor of trade paper Lark Weekly. But he also believes the "
    "film is far too long. \"If you look at past winners, they are short "
    "and cheerful films.\"",
    "If you look at past winners, they are short and cheerful films.",
    "Tom Hale" },
  { "Tom Reyes, of Lark Credit, said Mr Hale's job would not be easy. \"The "
    "real issue is what happens next month,\" he said.",
    "The real issue is what happens next month,", "Tom Reyes" },
  { "Tom Reyes, for the Greens, accused Mr Hale of ducking the tough "
    "choices. \"He gave us the politics of fear,\" he said.",
    "He gave us the politics of fear,", "Tom Reyes" },
  /* nobody speaks of himself by name: "he" skips a person the quote
   * names ("Sean's situation") for the one before */
  { "Tom Hale also called on the league to look at the fixtures. Sean Long, "
    "his team-mate, has expressed doubts about his future \"I think Sean's "
    "situation is to do with the number of games,\" he said.",
    "I think Sean's situation is to do with the number of games,", "Tom Hale" },
  { "Sean Long has doubts about his future. \"I think the number of games "
    "is far too high,\" he said.",
    "I think the number of games is far too high,", "Sean Long" },
  /* a quote right after "said:" that no rule read: the subject opening
   * the verb's sentence, or the name before "who" */
  { "Ann Hale spoke first. Her call was backed by Culture Secretary Tessa "
    "Lund who said: \"You would not let your child watch that film at "
    "all.\"",
    "You would not let your child watch that film at all.", "Tessa Lund" },
  { "Tom Reyes doubted whether the plan would work, but added: \"I'm all "
    "for lower costs though.\"",
    "I'm all for lower costs though.", "Tom Reyes" },
  { "Tom Reyes said: \"We want action now.\"\n\nBrent Hale, PTC president "
    "and conservative activist said: \"The channel is selling raunchy shows "
    "to kids.\"",
    "We want action now.|The channel is selling raunchy shows to kids.",
    "Tom Reyes|Brent Hale" },
  /* ... and when even that fails, a new name opening the sentence stops
   * the run of paragraphs from taking the previous speaker */
  { "Tom Reyes said: \"We want action now.\"\n\nRory O' Neill, editor of "
    "union-backed Lark magazine, which conducted the research, said: "
    "\"Giving reps more rights is a win for all. \"Deaths at work rose last "
    "year for the second time.\"",
    "We want action now.|Giving reps more rights is a win for all.|Deaths "
    "at work rose last year for the second time.",
    "Tom Reyes|-|-" },
  /* bodies keep their whole names: titles ("Foreign", "Home") and "of"
   * or "for" complements; a person after a body's title stays a person */
  { "\"Growth will slow sharply next year,\" the Foreign Ministry said.",
    "Growth will slow sharply next year,", "Foreign Ministry" },
  { "\"Rates will have to rise again soon,\" the Bank of England said.",
    "Rates will have to rise again soon,", "Bank of England" },
  { "The Bank of England said: \"Rates will have to rise again soon.\"",
    "Rates will have to rise again soon.", "Bank of England" },
  { "\"Rates will have to rise again soon,\" said the Bank of England.",
    "Rates will have to rise again soon,", "Bank of England" },
  { "The Home Office said: \"We will appeal against the ruling.\"",
    "We will appeal against the ruling.", "Home Office" },
  { "\"Growth will slow sharply next year,\" the Finance and Economy Ministry "
    "said in a statement.",
    "Growth will slow sharply next year,", "Finance and Economy Ministry" },
  { "\"Prices are falling across the board,\" the Office for National "
    "Statistics said.",
    "Prices are falling across the board,", "Office for National Statistics" },
  { "\"Markets are calm this morning,\" said Bank of Lund chief Ken Oda.",
    "Markets are calm this morning,", "Ken Oda" },
  { "\"The market has turned for good now,\" the International Monetary Fund "
    "said.",
    "The market has turned for good now,", "International Monetary Fund" },
  { "\"Exports rose by a fifth last month,\" the Ministry of Commerce said.",
    "Exports rose by a fifth last month,", "Ministry of Commerce" },
  { "Council of Economic Advisers Chairman Ben Ruiz said: \"Growth will pick "
    "up.\"",
    "Growth will pick up.", "Ben Ruiz" },
  /* "the attorney general" is not the "Solicitor General" named before;
   * "the economy minister" may be the "... Policy Minister" */
  { "The papers were drafted with Solicitor General Ann Hale. Later the "
    "attorney general said the claims were \"wholly unfounded\".",
    "wholly unfounded", "the attorney general" },
  { "Economic and Fiscal Policy Minister Ken Oda spoke on Monday. \"The "
    "economy is at a pause but will not fall back,\" the economy minister "
    "said.",
    "The economy is at a pause but will not fall back,", "Ken Oda" },
  /* a first name other than the fullest form's: another person of that
   * surname */
  { "Coach Andy Reyes named his side on Monday.\n\nSkipper Jason Reyes "
    "admitted his side failed to cope. \"We made a lot of mistakes in the "
    "second half,\" he said.",
    "We made a lot of mistakes in the second half,", "Jason Reyes" },
  /* "the agent", "the Gloucester fly-half": the person named before */
  { "Mike Tindall's agent Dipo Alli is in talks with the club. But Alli "
    "insists the player is worth more. \"Mike wants to stay with the club "
    "for years,\" the agent added.",
    "Mike wants to stay with the club for years,", "Dipo Alli" },
  { "\"There are so many great sevens players on the circuit,\" said Simon "
    "Amor, who won the award. \"I am delighted,\" said the Gloucester "
    "fly-half.",
    "There are so many great sevens players on the circuit,|I am delighted,",
    "Simon Amor|Simon Amor" },
  /* a verb and colon after a quote introduce the next quote */
  { "Writer Tom Hale, from Leeds, asked of the war: \"How do you manage to "
    "sleep at night?\" On immigration, teacher Ana Ruiz said: \"Where are "
    "you going to put everyone?\"",
    "How do you manage to sleep at night?|Where are you going to put "
    "everyone?",
    "Tom Hale|Ana Ruiz" },
  /* "role, Name, said": the name between the commas */
  { "\"We are not going away and we will keep these hounds going,\" hunt "
    "master, Captain Ian Reyes, said.",
    "We are not going away and we will keep these hounds going,", "Ian Reyes" },
  { "\"We will be on strike at noon,\" the spokesman, Reginald Hale, said.",
    "We will be on strike at noon,", "Reginald Hale" },
  /* "X was quoted in the paper saying": X, not the paper */
  { "Mr Tom Hale was quoted in the Lark newspaper saying: \"We plan a "
    "period of change in the party.\"",
    "We plan a period of change in the party.", "Tom Hale" },
  /* "The Attorney General, Ben Ruiz, has ...": he is the name between
   * the commas, not a person quoted before */
  { "\"It is a fake ban,\" said Tom Hale of the Lark Alliance.\n\nThe "
    "Attorney General, Ben Ruiz, has so far given no orders to police. He "
    "said he will consult the police \"in the near future\" on the law.",
    "It is a fake ban,|in the near future", "Tom Hale|Ben Ruiz" },
  /* a sentence between two quotes of a paragraph names the new speaker,
   * also with "said it was" and with a participle ("..., saying") */
  { "\"Recent moves have had no impact yet,\" said Brian Hale of Lark Bank. "
    "Treasury Secretary John Snow said it was a sign of strong growth. "
    "\"The economy is growing at a fast rate.\"",
    "Recent moves have had no impact yet,|The economy is growing at a fast "
    "rate.",
    "Brian Hale|John Snow" },
  { "\"Recent moves have had no impact yet,\" said Brian Hale of Lark Bank. "
    "Treasury Secretary John Snow put a brave face on the news, saying it "
    "was a sign of strong growth. \"The economy is growing at a fast "
    "rate.\"",
    "Recent moves have had no impact yet,|The economy is growing at a fast "
    "rate.",
    "Brian Hale|John Snow" },
  /* the comma lost inside the marks: '"..." he added.' */
  { "Mr Tom Hale said states had to work together.\n\nBut it would not be "
    "won by \"military might alone but by our common values\" he added.",
    "military might alone but by our common values", "Tom Hale" },
  /* "On Monday, defence lawyer Tom Reyes tried ...": the subject after a
   * short opening phrase is the antecedent of "he" */
  { "Mr Ben Ruiz has pleaded guilty.\n\nOn Monday, defence lawyer Tom Reyes "
    "tried to distance his client from the charges. Later he asked Mr Ruiz "
    "if he knew \"who made the decision?\".",
    "who made the decision?", "Tom Reyes" },
  /* a sentence's first word is no part of a name: "But Parry" is Parry,
   * still a person for "he" */
  { "Liverpool will not sell their captain, the club said.\n\nBut Parry "
    "insisted the club was calm about it. \"We will not accept any bid for "
    "him,\" he said.",
    "We will not accept any bid for him,", "Parry" },
  /* "X was asked ...": the one asked answers */
  { "A jury ruled that Ben Ruiz lied in court.\n\nDr Tom Hale was asked if "
    "he would let Mr Ruiz rejoin. \"We would look at that in time.\"",
    "We would look at that in time.", "Tom Hale" },
  { "On the radio Mr Tom Hale was asked why Mr Ruiz had been allowed to go. "
    "He replied: \"The chief decided it was time to move on.\"",
    "The chief decided it was time to move on.", "Tom Hale" },
  /* "he" right after a role's quote is that role, not an earlier person */
  { "\"It is a problem for every band,\" added Mr Tom Hale. A US Embassy "
    "spokesman said: \"We are doing everything we can.\" \"We know how "
    "much it matters,\" he added.",
    "It is a problem for every band,|We are doing everything we can.|We know "
    "how much it matters,",
    "Tom Hale|A US Embassy spokesman|A US Embassy spokesman" },
  /* ... and only a role of that sex */
  { "\"It is a problem for every band,\" added Mr Tom Hale. A US Embassy "
    "spokeswoman said: \"We are doing everything we can.\" \"We know how "
    "much it matters,\" he added.",
    "It is a problem for every band,|We are doing everything we can.|We know "
    "how much it matters,",
    "Tom Hale|A US Embassy spokeswoman|Tom Hale" },
  /* a body of three words keeps them all */
  { "Human Rights Watch said: \"Having a judge decide is the only fair "
    "way.\"",
    "Having a judge decide is the only fair way.", "Human Rights Watch" },
  /* a place before a surname is no first name ("in Oslo Hale said") */
  { "Ana Hale won the title in 2002. But speaking in Thaliand Hale admitted: "
    "\"I said that because I did not know what would happen.\"",
    "I said that because I did not know what would happen.", "Ana Hale" },
  /* a sentence that a full name opens and a colon ends */
  { "\"We want to be bigger,\" Tom Hale said. Drummer Ben Ruiz echoed those "
    "sentiments: \"We are very competitive and want to be on the radio.\"",
    "We want to be bigger,|We are very competitive and want to be on the "
    "radio.",
    "Tom Hale|Ben Ruiz" },
  /* a he/she opening the sentence before, in the same paragraph */
  { "Mr Tom Hale said: \"Labour would love me.\"\n\nAnd he stressed his "
    "party's plans on tax. He finished with an appeal to activists to go "
    "out and win. \"One day you will tell your children about this.\"",
    "Labour would love me.|One day you will tell your children about this.",
    "Tom Hale|Tom Hale" },
  /* 'Said the report: "..."'; '"...." Hale said.' */
  { "Only a few can tell paid results from others. Said the Lark report: "
    "\"This finding is ironic, since most users trust the engines.\"",
    "This finding is ironic, since most users trust the engines.",
    "the Lark report" },
  { "Tom Hale spoke first.\n\nTax breaks would only work over time, Ben "
    "Ruiz said.\n\n\"Lowering the tax burden would probably not help "
    "output.\" Hale said.",
    "Lowering the tax burden would probably not help output.", "Tom Hale" },
  { "\"Output fell sharply in March,\" the Chamber of Mines said.",
    "Output fell sharply in March,", "Chamber of Mines" },
  /* "Name, an apposition said": the name, not the apposition; not "On
   * Monday," */
  { "But Tom Hale, a Leeds-based entertainment lawyer said, \"If they have "
    "enough money, they have a good chance.\"",
    "If they have enough money, they have a good chance.", "Tom Hale" },
  { "On Monday, the judge agreed to let him play if changes were \"not too "
    "regular an occurrence\".",
    "not too regular an occurrence", "the judge" },
  /* an adverb between the source and the verb is not the source */
  { "Ben Ruiz scored twice. And Ruiz afterwards described the game as "
    "\"hard work\". He said: \"We kept going.\"",
    "hard work|We kept going.", "Ben Ruiz|Ben Ruiz" },
  /* "A denied B said ...": a later "he" is A, the sentence's main source */
  { "Mr Tom Hale spoke to reporters. But Mr Hale denied that Mr Ben Ruiz, "
    "his deputy, said the plan was dead. \"We will vote on it next week,\" "
    "he said.",
    "We will vote on it next week,", "Tom Hale" },
  { "Mr Tom Hale spoke to reporters. But Mr Hale denied Mr Ben Ruiz, his "
    "deputy, said the plan was \"dead\". He also said: \"We will vote on "
    "it next week.\"",
    "dead|We will vote on it next week.", "Ben Ruiz|Tom Hale" },
  /* "he" with no antecedent: the story's main person, not a team or
   * place named just before that nothing shows to be a person */
  { "Leeds say Hull made a bid for Tom Hale, but director Ana Ruiz called "
    "it \"silly\". She added: \"He is not for sale.\" Hale's future at "
    "Leeds has been the talk of the town for weeks. However, good displays "
    "against West Ham and Aston Park have pleased the fans. \"The crowd "
    "gave me a great reception,\" he said.",
    "silly|He is not for sale.|The crowd gave me a great reception,",
    "Ana Ruiz|Ana Ruiz|Tom Hale" },
  /* ... unless the main person's first word is a common word */
  { "Leeds say Hull made a bid for Called Hale, but director Ana Ruiz "
    "called it \"silly\". She added: \"It is not for sale.\" Hale's future "
    "at Leeds has been the talk of the town for weeks. However, good "
    "displays against West Ham and Aston Park have pleased the fans. \"The "
    "crowd gave us a great reception,\" he said.",
    "silly|It is not for sale.|The crowd gave us a great reception,",
    "Ana Ruiz|Ana Ruiz|Aston Park" },
  /* a partial quote with no reporting verb: the subject that opens its
   * sentence ("subject" rule), not a passive or a relative clause */
  { "Shares rose on Monday. Lark Bank sees \"a real chance to grow in the "
    "north of the country\" this year.",
    "a real chance to grow in the north of the country", "Lark Bank" },
  { "Mr Tom Hale spoke on Monday. But he blamed \"a lack of money in the "
    "county for many years\" for the delay.",
    "a lack of money in the county for many years", "Tom Hale" },
  { "Shares rose on Monday. Lark Plan is described as \"a real chance to "
    "grow in the north of the country\" in the town.",
    "a real chance to grow in the north of the country", "-" },
  /* ... also a short one, which no rule would keep otherwise */
  { "The council met on Monday. Mr Tom Hale wants the council to stop being "
    "\"reckless\" with money.",
    "reckless", "Tom Hale" },
  /* ... but not in a headline, which its own rule reads */
  { "Hale says plan 'must go'\n\nMr Tom Hale has asked the council to drop "
    "the park plan, saying it was too costly.",
    "must go", "Tom Hale" },
  /* a name that opens a sentence with "was", "has" ... before a "he" */
  { "\"We are proud of the team,\" said Ben Ruiz.\n\nSports minister Tom "
    "Hale was quick to back the ban on the fans. \"We will not accept it,\" "
    "he said.",
    "We are proud of the team,|We will not accept it,", "Ben Ruiz|Tom Hale" },
  /* ... but not one in the pronoun's own sentence */
  { "\"We are proud of the team,\" said Ben Ruiz. But Mr Tom Hale had been "
    "\"hurt\" by the row, he added.",
    "We are proud of the team,|hurt", "Ben Ruiz|Ben Ruiz" },
  /* an adverb after an inverted name is not part of it */
  { "Ana Hale won in three sets. \"I kept thinking I could not lose,\" said "
    "Hale afterwards.",
    "I kept thinking I could not lose,", "Ana Hale" },
  /* "has written to the watchdog saying:": the writer, not the watchdog */
  { "Party chairman Tom Hale has now written to the watchdog saying: \"The "
    "advice we have had is that such calls are illegal.\"",
    "The advice we have had is that such calls are illegal.", "Tom Hale" },
  /* ... not when B is the object ("quoted B telling ...") */
  { "Mr Tom Hale spoke first. The Daily Lark quoted Mr Ben Ruiz telling "
    "members that he wanted a vote. \"It is our duty,\" he said.",
    "It is our duty,", "Ben Ruiz" },
};

/* The speakers of layer "quote" joined with '|', newly allocated. */
static char *
quote_speakers (const TpDocument *doc)
{
  TpLayer *layer = tp_document_get_layer (doc, "quote");
  GString *out = g_string_new (NULL);
  gint attr;

  ck_assert_ptr_nonnull (layer);
  attr = tp_layer_attr_index (layer, "speaker");
  ck_assert_int_ge (attr, 0);
  for (guint i = 0; i < tp_layer_get_length (layer); i++)
    {
      const char *s = tp_layer_get_string (layer, i, attr);
      if (i)
        g_string_append_c (out, '|');
      g_string_append (out, s ? s : "-");
    }
  return g_string_free (out, FALSE);
}

/* A harness running the news stages before quotes. */
static TpHarness *
quote_harness (void)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences, quotes", &error);
  ck_assert_msg (h != NULL, "harness: %s", error ? error->message : "?");
  return h;
}

/* Pushes @text and returns the document, failing the test on error. */
static TpDocument *
quote_push (TpHarness *h, const char *text)
{
  GError *error = NULL;
  TpDocument *doc = tp_harness_push_text (h, text, &error);
  ck_assert_msg (doc != NULL, "push failed: %s", error ? error->message : "?");
  return doc;
}

START_TEST (test_quote_cases)
{
  const QuoteCase *c = &quote_cases[_i];
  TpHarness *h = quote_harness ();
  TpDocument *doc = quote_push (h, c->text);
  char *quotes = tp_harness_join_layer (doc, "quote", "|");
  char *speakers = quote_speakers (doc);

  ck_assert_msg (g_strcmp0 (quotes, c->quotes) == 0,
                 "case %d: quotes [%s], expected [%s]", _i, quotes, c->quotes);
  if (c->speakers)
    ck_assert_msg (g_strcmp0 (speakers, c->speakers) == 0,
                   "case %d: speakers [%s], expected [%s]", _i, speakers,
                   c->speakers);
  g_free (quotes);
  g_free (speakers);
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

/* The text of span attribute @name of quote @i, or NULL. */
static char *
quote_span_attr (const TpDocument *doc, guint i, const char *name)
{
  TpLayer *layer = tp_document_get_layer (doc, "quote");
  gint attr = tp_layer_attr_index (layer, name);
  gsize s, e;

  ck_assert_int_ge (attr, 0);
  if (!tp_layer_get_span (layer, i, attr, &s, &e))
    return NULL;
  return g_strndup (tp_document_get_text (doc) + s, e - s);
}

START_TEST (test_quote_attributes)
{
  TpHarness *h = quote_harness ();
  TpDocument *doc = quote_push (
      h, "\u201cWe will act,\u201d Carney told reporters. \u201cSoon.\u201d");
  TpLayer *layer = tp_document_get_layer (doc, "quote");
  char *s;

  ck_assert_uint_eq (tp_layer_get_length (layer), 2);
  s = quote_span_attr (doc, 0, "speaker_mention");
  ck_assert_str_eq (s, "Carney");
  g_free (s);
  s = quote_span_attr (doc, 0, "cue_span");
  ck_assert_str_eq (s, "told");
  g_free (s);
  ck_assert_str_eq (
      tp_layer_get_string (layer, 0, tp_layer_attr_index (layer, "cue")),
      "told");
  ck_assert_str_eq (
      tp_layer_get_enum_string (layer, 0, tp_layer_attr_index (layer, "rule")),
      "after");
  /* the second takes the first's speaker; it has no mention of its own */
  ck_assert_str_eq (
      tp_layer_get_string (layer, 1, tp_layer_attr_index (layer, "speaker")),
      "Carney");
  ck_assert_ptr_null (quote_span_attr (doc, 1, "speaker_mention"));
  ck_assert_str_eq (
      tp_layer_get_enum_string (layer, 1, tp_layer_attr_index (layer, "rule")),
      "same_paragraph");
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

/* Options: a replaced verb list and a replaced title list. */
START_TEST (test_quote_options)
{
  TpHarness *h = quote_harness ();
  TpDocument *doc;
  char *speakers;

  tp_harness_set_option (h, "quotes", "verbs", "sagte, said");
  tp_harness_set_option (h, "quotes", "titles", "herr");
  doc = quote_push (h, "\u201eWir sind bereit\u201c, sagte Herr Jonas Weber.\n"
                       "\u201cWe agree,\u201d Minister Berg said.");
  speakers = quote_speakers (doc);
  /* "minister" is no title any more, so it stays in the name */
  ck_assert_str_eq (speakers, "Jonas Weber|Minister Berg");
  g_free (speakers);
  tp_document_free (doc);
  tp_harness_free (h);

  /* told is no cue when the list is replaced */
  h = quote_harness ();
  tp_harness_set_option (h, "quotes", "verbs", "said");
  doc = quote_push (h, "\u201cWe will act today,\u201d Carney told us.");
  speakers = quote_speakers (doc);
  ck_assert_str_eq (speakers, "-");
  g_free (speakers);
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

START_TEST (test_quote_bad_options)
{
  TpHarness *h = quote_harness ();
  GError *error = NULL;

  tp_harness_set_option (h, "quotes", "paragraphs", "sometimes");
  ck_assert (!tp_harness_start (h, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "paragraphs"));
  g_clear_error (&error);
  tp_harness_free (h);

  h = quote_harness ();
  tp_harness_set_option (h, "quotes", "verbs_file", "/nonexistent/verbs");
  ck_assert (!tp_harness_start (h, &error));
  g_clear_error (&error);
  tp_harness_free (h);
}
END_TEST

/* Paragraphs ended by blank lines only: a wrapped line stays one. */
START_TEST (test_quote_blank_paragraphs)
{
  TpHarness *h = quote_harness ();
  TpDocument *doc;
  char *quotes;

  tp_harness_set_option (h, "quotes", "paragraphs", "blank");
  doc = quote_push (h, "\u201cWe will act on this\nsoon,\u201d Carney said.");
  quotes = tp_harness_join_layer (doc, "quote", "|");
  ck_assert_str_eq (quotes, "We will act on this\nsoon,");
  g_free (quotes);
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

/* The fixture story: every quote with its speaker, as in its gold file. */
START_TEST (test_quote_fixture_story)
{
  static const struct {
    const char *start;
    const char *speaker;
  } expected[] = {
    { "firmly rejects", "Paul Okafor" },
    { "unfair dumping practices.", "Paul Okafor" },
    { "the whole range", "Dana Whitfield" },
    { "We\u2019re in a far better place", "Dana Whitfield" },
    { "Trust comes back slowly", "Dana Whitfield" },
    { "So we will keep ours.", "Dana Whitfield" },
    { "I expect a frank conversation", "Dana Whitfield" },
    { "This is about a relationship", "Dana Whitfield" },
  };
  const char *srcdir = g_getenv ("TP_TEST_SRCDIR");
  char *path = g_build_filename (srcdir ? srcdir : ".", "tests", "quotes",
                                 "news-story.txt", NULL);
  char *text = NULL;
  TpHarness *h;
  TpDocument *doc;
  TpLayer *layer;
  gint sp;

  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL),
                 "cannot read %s", path);
  h = quote_harness ();
  doc = quote_push (h, text);
  layer = tp_document_get_layer (doc, "quote");
  sp = tp_layer_attr_index (layer, "speaker");
  ck_assert_uint_eq (tp_layer_get_length (layer), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      char *q = tp_harness_span_text (doc, layer, i);
      ck_assert_msg (g_str_has_prefix (q, expected[i].start),
                     "quote %u is [%s]", i, q);
      ck_assert_str_eq (tp_layer_get_string (layer, i, sp),
                        expected[i].speaker);
      g_free (q);
    }
  tp_document_free (doc);
  tp_harness_free (h);
  g_free (text);
  g_free (path);
}
END_TEST

/* Size of the hostile inputs in bytes (TP_TEST_HOSTILE_MB, default 10). */
static gsize
quote_hostile_size (void)
{
  const char *mb = g_getenv ("TP_TEST_HOSTILE_MB");
  return (mb ? (gsize)g_ascii_strtoull (mb, NULL, 10) : 10) * 1024 * 1024;
}

/* Builds a text of @size bytes repeating @unit. */
static char *
quote_repeat (const char *unit, gsize size)
{
  gsize n = strlen (unit), k = size / n;
  char *s = g_malloc (k * n + 1);
  for (gsize i = 0; i < k; i++)
    memcpy (s + i * n, unit, n);
  s[k * n] = '\0';
  return s;
}

/* Hostile inputs finish in linear time (the test timeout is the bound)
 * and give sane layers. */
static const char *const quote_hostile_units[] = {
  "He said \u201cthis never closes ", /* unbalanced, one paragraph */
  "\u201c",                           /* only opening marks */
  "\"",                               /* only straight marks */
  "\"'\u201c\u2018\u00ab",            /* mixed marks */
  "\u201c\u2018\u201c\u2018",         /* deep nesting, never closed */
  "said Carney, \"a,\" ",             /* quotes everywhere */
  "\u201cA\n",                        /* open at every line end */
  "x",                                /* one huge word */
  "Tom Reyes met Ana Ruiz there. \"We go on and on,\" he said. "
  "A B C D E F G H. \"And on,\" she said. ", /* pronouns, many names */
};

START_TEST (test_quote_hostile)
{
  gsize size = quote_hostile_size ();
  char *text = quote_repeat (quote_hostile_units[_i], size);
  TpHarness *h;
  TpDocument *doc;
  TpLayer *layer;
  gsize len;

  h = quote_harness ();
  doc = quote_push (h, text);
  layer = tp_document_get_layer (doc, "quote");
  ck_assert_ptr_nonnull (layer);
  /* every quote lies within the text */
  len = strlen (text);
  for (guint i = 0; i < tp_layer_get_length (layer); i++)
    ck_assert_uint_le (tp_layer_get_end (layer, i), len);
  if (_i <= 4)
    ck_assert_uint_eq (tp_layer_get_length (layer), 0);
  tp_document_free (doc);
  tp_harness_free (h);
  g_free (text);
}
END_TEST

/* Deep nesting that does close: the outer quote only. */
START_TEST (test_quote_deep_nesting)
{
  GString *s = g_string_new ("Jane Smith said: ");
  TpHarness *h = quote_harness ();
  TpDocument *doc;
  TpLayer *layer;

  for (guint i = 0; i < 20000; i++)
    g_string_append (s, i % 2 ? "\u2018a " : "\u201cb ");
  for (guint i = 20000; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "z\u2019 " : "z\u201d ");
  doc = quote_push (h, s->str);
  layer = tp_document_get_layer (doc, "quote");
  ck_assert_uint_le (tp_layer_get_length (layer), 20000);
  tp_document_free (doc);
  tp_harness_free (h);
  g_string_free (s, TRUE);
}
END_TEST

static Suite *
quotes_suite (void)
{
  Suite *s = suite_create ("quotes");
  TCase *tc = tcase_create ("cases");
  TCase *th = tcase_create ("hostile");

  tcase_add_loop_test (tc, test_quote_cases, 0, G_N_ELEMENTS (quote_cases));
  tcase_add_test (tc, test_quote_attributes);
  tcase_add_test (tc, test_quote_options);
  tcase_add_test (tc, test_quote_bad_options);
  tcase_add_test (tc, test_quote_blank_paragraphs);
  tcase_add_test (tc, test_quote_fixture_story);
  suite_add_tcase (s, tc);
  tcase_set_timeout (th, 120);
  tcase_add_loop_test (th, test_quote_hostile, 0,
                       G_N_ELEMENTS (quote_hostile_units));
  tcase_add_test (th, test_quote_deep_nesting);
  suite_add_tcase (s, th);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (quotes_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
