/* check_sentences.c: table-driven tests of the sentences plugin. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "tp-harness.h"

/* the facts pass, compiled into this test (tests_check_sentences_SOURCES) */
#include "../plugins/sentences/sentences-scan.h"

/* One case: a text and its sentences joined with '|'. */
typedef struct {
  const char *text;
  const char *sentences;
} SentCase;

static const SentCase sent_cases[] = {
  { "One. Two! Three? Four", "One.|Two!|Three?|Four" },
  { "No stop at the end", "No stop at the end" },
  /* abbreviations and initials */
  { "Dr. Smith arrived. He sat.", "Dr. Smith arrived.|He sat." },
  { "Mr. and Mrs. Jones left. Then rain.",
    "Mr. and Mrs. Jones left.|Then rain." },
  { "J. P. Morgan spoke. Markets fell.", "J. P. Morgan spoke.|Markets fell." },
  { "He met J.P. Morgan today.", "He met J.P. Morgan today." },
  { "On Jan. 5 it rose.", "On Jan. 5 it rose." },
  { "U.S. officials agreed.", "U.S. officials agreed." },
  { "It grew in the U.S. The rest fell.",
    "It grew in the U.S.|The rest fell." },
  { "Acme Inc. said it would. Shares rose.",
    "Acme Inc. said it would.|Shares rose." },
  { "Use e.g. salt, etc. and pepper.", "Use e.g. salt, etc. and pepper." },
  /* decimals and numbers */
  { "Sales rose 13.6 pct. Profits fell 2.5 pct.",
    "Sales rose 13.6 pct.|Profits fell 2.5 pct." },
  { "It cost $1.2 billion in 1987. In 1988 it fell.",
    "It cost $1.2 billion in 1987.|In 1988 it fell." },
  /* quotes */
  { "\u201cWe are done,\u201d he said. \u201cGo.\u201d",
    "\u201cWe are done,\u201d he said.|\u201cGo.\u201d" },
  { "\u201cIt is over...,\u201d he said.",
    "\u201cIt is over...,\u201d he said." },
  { "\u201cStop!\u201d she cried. Nobody did.",
    "\u201cStop!\u201d she cried.|Nobody did." },
  { "\"Why?\" he asked. \"Because.\"", "\"Why?\" he asked.|\"Because.\"" },
  { "He said \"no.\" Then he left.", "He said \"no.\"|Then he left." },
  { "(It was late.) We left.", "(It was late.)|We left." },
  /* ellipses */
  { "Wait... What happened?", "Wait...|What happened?" },
  { "And then... nothing.", "And then... nothing." },
  /* blank lines always end sentences */
  { "A headline\n\nThe body starts here. It ends.",
    "A headline|The body starts here.|It ends." },
  { "no stop here\n\nnew paragraph", "no stop here|new paragraph" },
  { "Dr.\n\nSmith", "Dr.|Smith" },
  /* headline lines end at a single line break */
  { "OIL PRICES FALL\nOil prices fell today.",
    "OIL PRICES FALL|Oil prices fell today." },
  { "Acme Buys Widget Maker\nAcme said on Monday it bought a rival.",
    "Acme Buys Widget Maker|Acme said on Monday it bought a rival." },
  /* a wrapped line does not end a sentence */
  { "The company said that its profits for the year would be lower than\n"
    "expected because of the strike.",
    "The company said that its profits for the year would be lower than\n"
    "expected because of the strike." },
  /* stops inside URLs and numbers are not sentence ends */
  { "See www.example.com for more. Thanks.",
    "See www.example.com for more.|Thanks." },
  { "Multiple!!! Stops?! Yes.", "Multiple!!!|Stops?!|Yes." },
  { "", "" },
  { "...", "..." },
  /* stops and closers */
  { "Acme Inc.. Then more.", "Acme Inc..|Then more." },
  { "It ended. ? Next one.", "It ended.|?|Next one." },
  { "Is it?! Yes.", "Is it?!|Yes." },
  { "web text. lower case start", "web text.|lower case start" },
  /* an amount after a full stop starts a sentence */
  { "The ads ran in May. $15m - The cost of them.",
    "The ads ran in May.|$15m - The cost of them." },
  { "We sold it. \u00a3200 came back to us.",
    "We sold it.|\u00a3200 came back to us." },
  { "It cost U.S. $5 to mail.", "It cost U.S. $5 to mail." },
  /* e-mail and web layout */
  { "Sent by Jane Doe 03/27/2001 01:58 PM Please see the file.",
    "Sent by Jane Doe|03/27/2001 01:58 PM|Please see the file." },
  { "To: jo.roe@example.com 10/20/2000 11:32 AM Here it is.",
    "To: jo.roe@example.com|10/20/2000 11:32 AM|Here it is." },
  { "Regards Omar Haddad 21/03/2001 18:20 Several things went wrong.",
    "Regards Omar Haddad|21/03/2001 18:20|Several things went wrong." },
  { "It opens at 18:20 Monday in Rome.", "It opens at 18:20 Monday in Rome." },
  { "It opened on 21/03/2001 at 18:20 Monday.",
    "It opened on 21/03/2001 at 18:20 Monday." },
  { "Great news *** The rest follows.", "Great news|***|The rest follows." },
  { "Thanks, Jane", "Thanks,|Jane" },
  { "Thanks, Jane Here you go.", "Thanks,|Jane|Here you go." },
  /* a signature's name after a closing, before the next message */
  { "It is done. Thanks, Maya I think we can go on.",
    "It is done.|Thanks,|Maya|I think we can go on." },
  { "See you then.\n\nRegards,\n\nOmar Omar Haddad Analyst",
    "See you then.|Regards,|Omar|Omar Haddad Analyst" },
  { "All set. Best regards. Lena Please call me.",
    "All set.|Best regards.|Lena|Please call me." },
  { "Thanks, Kevin A. Roe Consultant", "Thanks,|Kevin A. Roe Consultant" },
  { "Thanks, Dana Smith for the file.", "Thanks,|Dana Smith for the file." },
  { "Hi, Thanks, Jane", "Hi,|Thanks,|Jane" },
  { "Best regards, Jane Doe", "Best regards,|Jane Doe" },
  { "Thank you, Jane", "Thank you,|Jane" },
  { "See you soon. -- Posted by Jane at noon",
    "See you soon.|--|Posted by Jane at noon" },
  { "Prices -- Oil rose.", "Prices -- Oil rose." },
  { "Above\n------\nBelow", "Above|------|Below" },
  { "Notes made on 04/25/01 12:42:55 We have moved.",
    "Notes made on 04/25/01 12:42:55|We have moved." },
  { "It closed at 12:42:55 GMT on Friday.",
    "It closed at 12:42:55 GMT on Friday." },
  { "Hi, Yes we can.", "Hi,|Yes we can." },
  { "Dear Dr. Jane Doe, Please see below.",
    "Dear Dr. Jane Doe,|Please see below." },
  { "We need 1) a room 2) a car", "We need|1) a room|2) a car" },
  /* but not after a word that goes on with the sentence */
  { "He said that 1) prices rose and 2) costs fell.",
    "He said that 1) prices rose and 2) costs fell." },
  { "Cut it from 15 days to 5) and more",
    "Cut it from 15 days to 5) and more" },
  { "Thanks, but no.", "Thanks, but no." },
  { "The results (1) rose and (2) fell.",
    "The results (1) rose and (2) fell." },
  { "Details at http://example.com/x Next we go.",
    "Details at http://example.com/x|Next we go." },
  { "Try http://example.com/a see what it says.",
    "Try http://example.com/a|see what it says." },
  { "Mail jane@example.com or call her.",
    "Mail jane@example.com or call her." },
  { "Go to www.example.com It is good.", "Go to www.example.com|It is good." },
  { "Mail jane@example.com joe@example.org for help.",
    "Mail jane@example.com joe@example.org for help." },
  { "I like the http://example.com site a lot.",
    "I like the http://example.com site a lot." },
  { "Use the official www.example.org address.",
    "Use the official www.example.org address." },
  { "See http://example.com/a for more.",
    "See http://example.com/a for more." },
  { "Write to <jane@example.com> The office opens.",
    "Write to <jane@example.com>|The office opens." },
  { "(Reuters) Shares rose.", "(Reuters)|Shares rose." },
  /* a forwarded message's header starts at the sender's first name */
  { "Looks fine. Jane Roe Carl B Doe@ACME 03/01/2001 10:12 AM",
    "Looks fine.|Jane Roe|Carl B Doe@ACME|03/01/2001 10:12 AM" },
  { "please print Mia Lund@ACME_EUROPE on 06/01/2000",
    "please print|Mia Lund@ACME_EUROPE on 06/01/2000" },
  { "Jane Roe Mia Lund@ACME NEWS on Monday",
    "Jane Roe|Mia Lund@ACME NEWS on Monday" },
  { "Sent by: Mia Lund@ACME on Monday", "Sent by: Mia Lund@ACME on Monday" },
  { "Please write to Mia Lund@ACME now.",
    "Please write to Mia Lund@ACME now." },
  { "Please ask Mia Lund@ACME now.", "Please ask Mia Lund@ACME now." },
  /* a thanks without a comma before a subject pronoun stands alone */
  { "Can you help? thanks I've asked twice.",
    "Can you help?|thanks|I've asked twice." },
  { "Thanks We will be there.", "Thanks|We will be there." },
  { "Thanks you guys.", "Thanks you guys." },
  { "Thanks Imran for the file.", "Thanks Imran for the file." },
  /* words that announce a list or a statement end at their colon */
  { "The dates are as follows: Monday and Friday.",
    "The dates are as follows:|Monday and Friday." },
  { "Please note the following: $5 for each copy.",
    "Please note the following:|$5 for each copy." },
  { "He follows: Jane Roe and her team.",
    "He follows: Jane Roe and her team." },
  { "It went as follows: the first one failed.",
    "It went as follows: the first one failed." },
  /* an aside in brackets that ends a sentence before an opener */
  { "We sent two forms (both signed) Please check them.",
    "We sent two forms (both signed)|Please check them." },
  { "Our answers: (a) Do you agree?", "Our answers: (a) Do you agree?" },
  { "After the vote (as we hoped) I called him.",
    "After the vote (as we hoped) I called him." },
  { "It rose (see the table) The Rest", "It rose (see the table) The Rest" },
  /* "Take care," and "Cordially," close a letter */
  { "See you soon. Take care, Jo", "See you soon.|Take care,|Jo" },
  { "That is all. Cordially, Ann Lee", "That is all.|Cordially,|Ann Lee" },
  { "Take care of it, Bob.", "Take care of it, Bob." },
  /* a clause that ends in a colon before a URL */
  { "I put all the photos on my channel: http://example.com/photos",
    "I put all the photos on my channel:|http://example.com/photos" },
  { "You can buy one at a shop like Acme: www.example.com today",
    "You can buy one at a shop like Acme:|www.example.com today" },
  { "Fax: 555-0100 Website: http://example.com/",
    "Fax: 555-0100 Website: http://example.com/" },
  { "For more details: http://example.com/",
    "For more details: http://example.com/" },
  { "If you want the form please go to: http://example.com/",
    "If you want the form please go to: http://example.com/" },
  /* bylines */
  { "By Ann Lee DAILY NEWS SERVICE Rain fell all day.",
    "By Ann Lee|DAILY NEWS SERVICE Rain fell all day." },
  { "By JO ROE Copyright 2004 The Star", "By JO ROE|Copyright 2004 The Star" },
  { "By Friday December 1st, please send it.",
    "By Friday December 1st, please send it." },
  { "By Ann Lee Smith and her team.", "By Ann Lee Smith and her team." },
  { "I mailed the letter (the June one) Have you got it?",
    "I mailed the letter (the June one)|Have you got it?" },
  { "He talked to (Prime Minister Ann) Smith was there.",
    "He talked to (Prime Minister Ann) Smith was there." },
  { "<< File: a.htm >> I was thinking.", "<< File: a.htm >>|I was thinking." },
  { "[http://example.com/a] Normally it works.",
    "[http://example.com/a]|Normally it works." },
  { "(Jerusalem Post) \"We won,\" he said.",
    "(Jerusalem Post)|\"We won,\" he said." },
  { "Nice :-) See you.", "Nice :-)|See you." },
  { "Great view :P you see it all", "Great view :P|you see it all" },
  { "Vince - Thanks for the note.", "Vince -|Thanks for the note." },
  { "Steve, Rod and Elyse - Just checking in.",
    "Steve, Rod and Elyse -|Just checking in." },
  /* attachment lists: " - name.ext" items */
  { "See the files below. - Plan.pdf - Costs.xls - Notes.doc",
    "See the files below.|- Plan.pdf|- Costs.xls|- Notes.doc" },
  { "(See attached file: a.pdf) - b.pdf",
    "(See attached file: a.pdf)|- b.pdf" },
  { "Here are two files - a.doc and b.xls for you.",
    "Here are two files - a.doc and b.xls for you." },
  { "The file plan.pdf - it is big - came late.",
    "The file plan.pdf - it is big - came late." },
  { "Good Morning Jane - I have sent it.",
    "Good Morning Jane -|I have sent it." },
  { "Cheap Hotel Rome - Thanks for the stay.",
    "Cheap Hotel Rome - Thanks for the stay." },
  { "Delete it from all computers.\" ===== Next part",
    "Delete it from all computers.\"|=====|Next part" },
  { "--== Posted via Example.Com News==-- The best service! >100 groups "
    "--= Fast servers =--",
    "--== Posted via Example.Com News==--|The best service!|>100 groups|"
    "--= Fast servers =--" },
  /* a title, name or signature before a pronoun or determiner opener */
  { "Lovely Cottage This cottage is nice.",
    "Lovely Cottage|This cottage is nice." },
  { "Jane Roe John Doe These look fine to me.",
    "Jane Roe John Doe|These look fine to me." },
  { "Fast Friendly Service The staff were kind.",
    "Fast Friendly Service|The staff were kind." },
  /* but not when a capital follows (a title) or a starter leads */
  { "Jane Roe The Company grew.", "Jane Roe The Company grew." },
  { "But He Wei said so.", "But He Wei said so." },
  { "When She came home we ate.", "When She came home we ate." },
  { "Songs Like This one sell.", "Songs Like This one sell." },
  { "Get Me Out Of Here is on.", "Get Me Out Of Here is on." },
  /* spaced and mixed stops */
  { "It fell in the region . . . This one rose.",
    "It fell in the region . . .|This one rose." },
  { "It fell. . Then it rose.", "It fell.|.|Then it rose." },
  { "where to go...? like downtown", "where to go...?|like downtown" },
  { "Thanks again. PS. Call me.", "Thanks again.|PS. Call me." },
  { "It happens because of X. So we wait.",
    "It happens because of X.|So we wait." },
  { "It is rated A by S and P. The issue grew.",
    "It is rated A by S and P.|The issue grew." },
  /* months, Jr., No. close a sentence before a typical opener; Dr. never */
  { "We met Sam Doe Jr. He was kind.", "We met Sam Doe Jr.|He was kind." },
  { "It shut in Dec. The staff left.", "It shut in Dec.|The staff left." },
  { "He said: \"No. We will wait.\"", "He said: \"No.|We will wait.\"" },
  { "We saw Dr. Will Doe.", "We saw Dr. Will Doe." },
  /* a capitalized word with ! or ? before a lower-case word is a title */
  /* two sentences typed without a space (the tokenizer cuts the stop) */
  { "It was of high quality.You will like it. Ask anyone.Thanks for it.",
    "It was of high quality.|You will like it.|Ask anyone.|Thanks for it." },
  { "The musical Mamma Mia! has run for years.",
    "The musical Mamma Mia! has run for years." },
  { "His days in Wham! were fun.", "His days in Wham! were fun." },
  { "Is it in Miramar? are they sure?", "Is it in Miramar?|are they sure?" },
  { "I love Paris! it is great.", "I love Paris!|it is great." },
  { "Thanks Mike! see you soon.", "Thanks Mike!|see you soon." },
  { "Great place! the kids loved it.", "Great place!|the kids loved it." },
  /* Yahoo! is a name unless a typical opener follows */
  { "I asked on Yahoo! Answers and got help.",
    "I asked on Yahoo! Answers and got help." },
  { "Google beat Yahoo! and the rest.", "Google beat Yahoo! and the rest." },
  { "I use Yahoo! The rest is bad.", "I use Yahoo!|The rest is bad." },
  /* an initialism with a prefix before a lower-case word */
  { "It bans owners who are non-U.S. citizens.",
    "It bans owners who are non-U.S. citizens." },
  /* a time zone after a.m./p.m. goes with the time */
  { "It opens at 9 a.m. EDT on Monday.", "It opens at 9 a.m. EDT on Monday." },
  { "It left at 9 a.m. EST. It landed at noon.",
    "It left at 9 a.m. EST.|It landed at noon." },
  { "We left at 9 a.m. The bus was late.",
    "We left at 9 a.m.|The bus was late." },
  /* titles in capitals (datelines) */
  { "ST. PAUL, Minn. - Acme rose.", "ST. PAUL, Minn. - Acme rose." },
  { "WE FLEW TO THE US. THE END.", "WE FLEW TO THE US.|THE END." },
  { "On Dec. 5 it shut.", "On Dec. 5 it shut." },
  { "Kevin A. Boone wrote to Jennifer M. Anderson.",
    "Kevin A. Boone wrote to Jennifer M. Anderson." },
  /* none of those inside ordinary sentences */
  { "He said, Jane would come.", "He said, Jane would come." },
  { "They met at 10:30 AM on Monday.", "They met at 10:30 AM on Monday." },
  { "A well-known (and liked) Company grew.",
    "A well-known (and liked) Company grew." },
  { "Iran - Opec's big producer - has grown.",
    "Iran - Opec's big producer - has grown." },
  { "May - No bids, 25 offered.", "May - No bids, 25 offered." },
  { "Smile :) it works.", "Smile :)|it works." },
  /* sad, crooked and = emoticons end sentences too; not before and/or/but */
  { "It rained all day :-( We stayed in.",
    "It rained all day :-(|We stayed in." },
  { "Lost my keys :( so I waited.", "Lost my keys :(|so I waited." },
  { "Not sure :/ Maybe later.", "Not sure :/|Maybe later." },
  { "Got the job =) we will party.", "Got the job =)|we will party." },
  { "Nice room :) but the bed was hard.",
    "Nice room :) but the bed was hard." },
  { "The ratio : it was 3:2 then.", "The ratio : it was 3:2 then." },
  /* a number that closes a bracket is no list item; "Later," opens news */
  { "Profits for the year (ending June 30) will fall.",
    "Profits for the year (ending June 30) will fall." },
  { "She won for her show (Channel 4) and a film.",
    "She won for her show (Channel 4) and a film." },
  { "Two rules (see part 2) apply: 1) stop 2) go",
    "Two rules (see part 2) apply:|1) stop|2) go" },
  { "It rose. Later, Smith said it fell.",
    "It rose.|Later, Smith said it fell." },
  /* a list item's number belongs to its item */
  { "Notes\n\n1. The price is fixed.\n\n2. The deal is done. 3. We sign.",
    "Notes|1. The price is fixed.|2. The deal is done.|3. We sign." },
  { "He scored 2. The team lost.", "He scored 2.|The team lost." },
  /* a mail system's address with its organisation is one name */
  { "Ann Lee@ACME SYSTEMS 01/19/2001 09:14 AM Call me.",
    "Ann Lee@ACME SYSTEMS|01/19/2001 09:14 AM|Call me." },
  { "Sent by: Ann Lee@ACME FYI, see below.",
    "Sent by: Ann Lee@ACME|FYI, see below." },
  /* a bullet of two dashes stays with its item; a signature's does not */
  { "It passed. -- The rest is funded. -- The station waits.",
    "It passed.|-- The rest is funded.|-- The station waits." },
  { "See you there. -- Posted by Jo", "See you there.|--|Posted by Jo" },
  /* header fields start sentences; a signature's contact labels do not */
  { "Question Subject: Lost keys Category: Home > Garden Asked by: Pat Lee "
    "List Price: $3.00 Posted: 2 May 2006 Question ID: 8812",
    "Question|Subject: Lost keys|Category: Home > Garden|Asked by: Pat Lee|"
    "List Price: $3.00|Posted: 2 May 2006|Question ID: 8812" },
  { "Come along! WHAT: Picnic WHEN: Noon WHERE: The park",
    "Come along!|WHAT: Picnic|WHEN: Noon|WHERE: The park" },
  { "Ann Wu Sent by: Bo Li", "Ann Wu|Sent by: Bo Li" },
  /* a salutation with a colon at a sentence's start, not a label */
  { "Will fax. Rhonda: Thanks so much.", "Will fax.|Rhonda:|Thanks so much." },
  { "Dr. Harris: I would like to thank you.",
    "Dr. Harris:|I would like to thank you." },
  { "Note: Per share data adjusted.", "Note: Per share data adjusted." },
  { "Conclusion: Is Any of This Possible?",
    "Conclusion: Is Any of This Possible?" },
  /* a signature's telephone number before the next message */
  { "Thanks, Cindy (713) 853-6197 Mailing them is fine. Marie x33907 Turn "
    "it up.",
    "Thanks,|Cindy (713) 853-6197|Mailing them is fine.|Marie x33907|Turn it "
    "up." },
  /* an extension in a text without a hyphen, and names joined by "and"
   * before a dash in a text without a digit (the facts that let
   * sentences_closing_at look further) */
  { "Marie x33907 Turn it up.", "Marie x33907|Turn it up." },
  { "Jo and Kay - Just checking in.", "Jo and Kay -|Just checking in." },
  { "Thanks.\n\nLeo Roe ext. 39938 If you need more, ask. Leo Roe ext. 39938 "
    "is mine.",
    "Thanks.|Leo Roe ext. 39938|If you need more, ask.|Leo Roe ext. 39938 is "
    "mine." },
  { "Latex 110 126 189 REUTER", "Latex 110 126 189 REUTER" },
  { "Phone (713) 853-3242 Cell (713) 705-7201",
    "Phone (713) 853-3242 Cell (713) 705-7201" },
  /* a numbered list after a colon */
  { "Note the following: 1. The forms are short. 2. The dates are wrong.",
    "Note the following:|1. The forms are short.|2. The dates are wrong." },
  { "It is the Internet: 1, Scientology: 0. But it is long.",
    "It is the Internet: 1, Scientology: 0.|But it is long." },
  /* an address with a dash at the name, or before a request */
  { "Kay-- I finally got it. Tana - can you call?",
    "Kay--|I finally got it.|Tana -|can you call?" },
  { "So - is the Mac Mini new? Smith - a former minister - spoke.",
    "So - is the Mac Mini new?|Smith - a former minister - spoke." },
  /* a closing without a comma, then a signature's name */
  { "It is fixed. Thanks Ben Sorry about the delay.",
    "It is fixed.|Thanks|Ben|Sorry about the delay." },
  { "Thanks Dave Smith for the help.", "Thanks Dave Smith for the help." },
  { "Thanks For A Great Job", "Thanks For A Great Job" },
  /* a rule line of hyphens stands alone, with or without line breaks */
  { "Try this technique ---------- The next step is harder.",
    "Try this technique|----------|The next step is harder." },
  { "It is well-known -- and cheap.", "It is well-known -- and cheap." },
  /* a dateline's agency and dash; a ticker before a dash is not one */
  { "OSLO, May 2 (AFP) - Rain fell. Acme Inc (ACM) - Offer of shares.",
    "OSLO, May 2 (AFP) -|Rain fell.|Acme Inc (ACM) - Offer of shares." },
  { "Boulder, Feb. 3 (UPI) -- Ever since then, it rained.",
    "Boulder, Feb. 3 (UPI) --|Ever since then, it rained." },
  { "Try the blue one =( EDIT: it worked",
    "Try the blue one =(|EDIT: it worked" },
  { "Ann Wu Acme Ltd Phone: 555-0101 Fax: 555-0102 Email: ann@example.com",
    "Ann Wu Acme Ltd Phone: 555-0101 Fax: 555-0102 Email: ann@example.com" },
  { "Subject: Re: Lunch", "Subject: Re: Lunch" },
  /* a signature's name before a question */
  { "See you then. Best, Jeff Does she like it?",
    "See you then.|Best,|Jeff|Does she like it?" },
  { "American Can said it would sell.", "American Can said it would sell." },
  /* a file name's upper-case extension is not a new sentence */
  { "Here are <<memo-2.DOC>> and 1.XLS now. It is the best quality.You know.",
    "Here are <<memo-2.DOC>> and 1.XLS now.|It is the best quality.|You "
    "know." },
  /* a salutation with a colon, but not a label */
  { "Jill: As discussed, the file is attached.\n\nQuestions: If you call, ask.",
    "Jill:|As discussed, the file is attached.|Questions: If you call, ask." },
  { "I will fax it. Doris: We can sign it.\n\nAnalysis: We found it.",
    "I will fax it.|Doris:|We can sign it.|Analysis: We found it." },
  /* a salutation that ends a paragraph after a signature */
  { "Thanks a lot.\n\nJane Roe Kathleen,\n\nYou are right.",
    "Thanks a lot.|Jane Roe|Kathleen,|You are right." },
  { "See you.\n\nPaula Paula,\n\nWill you call?",
    "See you.|Paula|Paula,|Will you call?" },
  { "Cell 713-555-0100 Omar,\n\nCall me.", "Cell 713-555-0100|Omar,|Call me." },
  { "Without number one Carl Myerscough,\n\nthey lost. On Tuesday,\n\nit "
    "rained. Dear Dr. Jane Roe,\n\nHello.",
    "Without number one Carl Myerscough,|they lost.|On Tuesday,|it "
    "rained.|Dear Dr. Jane Roe,|Hello." },
  /* a story's dateline run into its headline and first sentence */
  { "Floods cut off hill towns Monday, March 3, 2014 On Sunday, rain fell.",
    "Floods cut off hill towns|Monday, March 3, 2014|On Sunday, rain fell." },
  { "Floods cut off hill towns Monday, March 3, 2014",
    "Floods cut off hill towns|Monday, March 3, 2014" },
  { "Rain fell on Monday, March 3, 2014 and it went on.",
    "Rain fell on Monday, March 3, 2014 and it went on." },
  { "The vote was held Monday, March 3, 2014 and it passed.",
    "The vote was held Monday, March 3, 2014 and it passed." },
  { "The vote was held Monday, March 3, 2014. It passed.",
    "The vote was held Monday, March 3, 2014.|It passed." },
  /* the weekday, its comma and the month as tokens, whatever the spaces
   * between them (the dateline search looks for "day", a comma and a
   * capital first) */
  { "Floods cut off hill towns Monday , March 3, 2014 On Sunday, rain fell.",
    "Floods cut off hill towns|Monday , March 3, 2014|On Sunday, rain fell." },
  { "Floods cut off hill towns Monday,March 3, 2014 On Sunday, rain fell.",
    "Floods cut off hill towns|Monday,March 3, 2014|On Sunday, rain fell." },
  { "Floods cut off hill towns Monday,\u00a0March 3, 2014 On Sunday, rain "
    "fell.",
    "Floods cut off hill towns|Monday,\u00a0March 3, 2014|On Sunday, rain "
    "fell." },
  { "Floods cut off hill towns Monday\u00a0, March 3, 2014 On Sunday, rain "
    "fell.",
    "Floods cut off hill towns|Monday\u00a0, March 3, 2014|On Sunday, rain "
    "fell." },
  /* closings, greetings, headings and addresses with sixteen bytes or
   * more after their start (found sixteen bytes at a time) and fewer */
  { "It passed. Thanks, Jane Doe will call you back tomorrow.",
    "It passed.|Thanks,|Jane Doe will call you back tomorrow." },
  { "It passed. Best regards, Jane Doe and the whole team here",
    "It passed.|Best regards,|Jane Doe and the whole team here" },
  { "Lovely Cottage This cottage is close to the sea and the town.",
    "Lovely Cottage|This cottage is close to the sea and the town." },
  { "Vince - Thanks for the note and the files you sent over.",
    "Vince -|Thanks for the note and the files you sent over." },
  { "Steve, Rod and Elyse - Just wanted to say the deal is done.",
    "Steve, Rod and Elyse -|Just wanted to say the deal is done." },
  { "Hi Jane, Here are the files you asked for last week.",
    "Hi Jane,|Here are the files you asked for last week." },
  { "It passed. Thanks, Jo", "It passed.|Thanks,|Jo" },
  { "Tokyo Stock Exchange shares rose in heavy trading today.",
    "Tokyo Stock Exchange shares rose in heavy trading today." },
  /* a picture credit after a caption */
  { "The new bridge at dusk Image: City of Avon.\n\nIt opened in May.",
    "The new bridge at dusk|Image: City of Avon.|It opened in May." },
  { "The bridge in Avon, N.Y. Photo: Jo Bell. It opened in May.",
    "The bridge in Avon, N.Y.|Photo: Jo Bell.|It opened in May." },
};

/* The sentence texts of @text joined with '|', newly allocated. */
static char *
sent_run (TpHarness *h, const char *text)
{
  GError *error = NULL;
  char *joined = tp_harness_push_and_join (h, text, "sentence", "|", &error);

  ck_assert_msg (joined != NULL, "push failed: %s",
                 error ? error->message : "?");
  return joined;
}

/* Each table row gives the expected sentences. */
START_TEST (test_table)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);
  const SentCase *c = &sent_cases[_i];
  char *got;

  ck_assert_msg (h != NULL, "%s", error ? error->message : "?");
  got = sent_run (h, c->text);
  ck_assert_msg (strcmp (got, c->sentences) == 0,
                 "text \"%s\": got \"%s\", want \"%s\"", c->text, got,
                 c->sentences);
  g_free (got);
  tp_harness_free (h);
}
END_TEST

/* paragraphs = line: every line break ends a sentence; blank-only: none. */
START_TEST (test_paragraph_modes)
{
  static const char *const text
      = "first line\nsecond line\n\nTITLE HERE\nbody text";
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);
  char *got;

  ck_assert_ptr_nonnull (h);
  got = sent_run (h, text);
  ck_assert_str_eq (got, "first line\nsecond line|TITLE HERE\nbody text");
  g_free (got);
  tp_harness_set_option (h, "sentences", "paragraphs", "line");
  got = sent_run (h, text);
  ck_assert_str_eq (got, "first line|second line|TITLE HERE|body text");
  g_free (got);
  tp_harness_free (h);

  h = tp_harness_new ("tokenizer, sentences", &error);
  tp_harness_set_option (h, "sentences", "paragraphs", "blank-only");
  got = sent_run (h, "OIL PRICES FALL\nOil prices fell.\n\nNext");
  ck_assert_str_eq (got, "OIL PRICES FALL\nOil prices fell.|Next");
  g_free (got);
  tp_harness_free (h);

  h = tp_harness_new ("tokenizer, sentences", &error);
  tp_harness_set_option (h, "sentences", "paragraphs", "sometimes");
  ck_assert (!tp_harness_start (h, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  tp_harness_free (h);
}
END_TEST

/* A dateline is found wherever its weekday falls in the text: the search
 * for "day" reads sixteen bytes at a time and the text's last bytes apart,
 * so the headline before it takes every length from 1 to 40 letters, with
 * and without a sentence after the date. */
START_TEST (test_dateline_offsets)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);

  ck_assert_msg (h != NULL, "%s", error ? error->message : "?");
  for (guint k = 1; k <= 40; k++)
    {
      char *word = g_strnfill (k, 'a');
      char *text = g_strdup_printf ("Storm %s Friday, May 4, 2015", word);
      char *more = g_strdup_printf ("%s It rained.", text);
      char *want = g_strdup_printf ("Storm %s|Friday, May 4, 2015", word);
      char *want_more = g_strdup_printf ("%s|It rained.", want);
      char *got = sent_run (h, text);
      ck_assert_msg (strcmp (got, want) == 0, "\"%s\": got \"%s\"", text, got);
      g_free (got);
      got = sent_run (h, more);
      ck_assert_msg (strcmp (got, want_more) == 0, "\"%s\": got \"%s\"", more,
                     got);
      g_free (got);
      g_free (want_more);
      g_free (want);
      g_free (more);
      g_free (text);
      g_free (word);
    }
  tp_harness_free (h);
}
END_TEST

/* Texts whose only layout byte (a colon, a period before a lower-case
 * letter, ">>", a byte from 0x80) comes after a word of 1 to 41 letters:
 * the pass that tells texts split by their stops alone from those that
 * need the general scan reads sixteen bytes at a time and the text's last
 * bytes apart, and must see the byte wherever it is.  Each row: a format
 * with %s for the word, and the sentences it gives. */
static const SentCase sent_rare_cases[] = {
  { "%s :P you know", "%s :P|you know" },
  { "visit %s www.example.com Then go", "visit %s www.example.com|Then go" },
  { "%s >> Next one", "%s >>|Next one" },
  { "%s two\u2029three four", "%s two|three four" },
  /* the colon is the text's last byte */
  { "The bridge %s Image:", "The bridge %s|Image:" },
};

/* @format with each "%s" replaced by @word, newly allocated. */
static char *
sent_fill (const char *format, const char *word)
{
  char **parts = g_strsplit (format, "%s", -1);
  char *filled = g_strjoinv (word, parts);

  g_strfreev (parts);
  return filled;
}

START_TEST (test_rare_offsets)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);
  const SentCase *c = &sent_rare_cases[_i];

  ck_assert_msg (h != NULL, "%s", error ? error->message : "?");
  for (guint k = 0; k <= 40; k++)
    {
      char *os = g_strnfill (k, 'o');
      char *word = g_strconcat ("W", os, NULL);
      char *text = sent_fill (c->text, word);
      char *want = sent_fill (c->sentences, word);
      char *got = sent_run (h, text);
      ck_assert_msg (strcmp (got, want) == 0, "\"%s\": got \"%s\"", text, got);
      g_free (got);
      g_free (want);
      g_free (text);
      g_free (word);
      g_free (os);
    }
  tp_harness_free (h);
}
END_TEST

/* The paragraph attribute counts blank-line separated paragraphs. */
START_TEST (test_paragraph_index)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);
  TpDocument *doc;
  TpLayer *layer;
  gint attr;
  static const gint64 want[] = { 0, 0, 1, 2 };

  ck_assert_ptr_nonnull (h);
  doc = tp_harness_push_text (h, "One. Two.\n\nThree.\n\n\n\nFour.", &error);
  ck_assert_ptr_nonnull (doc);
  layer = tp_document_get_layer (doc, "sentence");
  attr = tp_layer_attr_index (layer, "paragraph");
  ck_assert_int_ge (attr, 0);
  ck_assert_uint_eq (tp_layer_get_length (layer), G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      gint64 v = -1;
      ck_assert (tp_layer_get_int (layer, i, attr, &v));
      ck_assert_int_eq (v, want[i]);
    }
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

/* Without a token layer the stage cannot run. */
START_TEST (test_requires_tokens)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("sentences", &error);
  TpDocument *doc = NULL;

  if (h != NULL)
    {
      if (tp_harness_start (h, &error))
        doc = tp_harness_push_text (h, "One. Two.", &error);
      tp_harness_free (h);
    }
  ck_assert_ptr_null (doc);
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
}
END_TEST

/* Hostile input: big documents, punctuation only, no spaces: every
 * sentence is non-empty, in order, and time stays linear. */
START_TEST (test_hostile)
{
  static const char *const units[] = { "Word. ",
                                       ". ",
                                       "a.",
                                       "\n",
                                       "\n\n",
                                       "!?",
                                       "Dr. ",
                                       "\u201c.\u201d ",
                                       "x",
                                       "Hi a.",
                                       "1:",
                                       "12:01:02 We ",
                                       "a> B ",
                                       "1) ",
                                       "(x) Y ",
                                       "Thanks, ",
                                       "***",
                                       "a@b.c D ",
                                       "http://x.y Z ",
                                       "=-=a",
                                       "==--",
                                       "Vince - ",
                                       "a :P ",
                                       ". . ",
                                       "x.pdf",
                                       " - a.doc",
                                       "Lovely Cottage ",
                                       "A B This x ",
                                       "(June 30) ",
                                       " :( x" };
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);

  ck_assert_ptr_nonnull (h);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      GString *s = g_string_new (NULL);
      TpDocument *doc;
      TpLayer *layer;
      gsize prev = 0;
      while (s->len < (1 << 20))
        g_string_append (s, units[u]);
      doc = tp_harness_push_text (h, s->str, &error);
      ck_assert_ptr_nonnull (doc);
      layer = tp_document_get_layer (doc, "sentence");
      for (guint i = 0; i < tp_layer_get_length (layer); i++)
        {
          ck_assert_uint_le (prev, tp_layer_get_start (layer, i));
          ck_assert_uint_lt (tp_layer_get_start (layer, i),
                             tp_layer_get_end (layer, i));
          prev = tp_layer_get_end (layer, i);
        }
      tp_document_free (doc);
      g_string_free (s, TRUE);
    }
  tp_harness_free (h);
}
END_TEST

/* Size of the big-document test in MB: 50, or TP_TEST_BIG_MB (smaller
 * under valgrind). */
static gsize
sent_big_bytes (void)
{
  const char *env = g_getenv ("TP_TEST_BIG_MB");
  gsize mb = env ? (gsize)g_ascii_strtoull (env, NULL, 10) : 50;
  return (mb ? mb : 1) << 20;
}

/* A 50 MB document splits into the expected number of sentences. */
START_TEST (test_big)
{
  static const char *const para
      = "Acme Inc. said on Jan. 5 that U.S. sales rose 3.5%. \u201cWe are "
        "pleased,\u201d Dr. Smith said.\n\n";
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);
  gsize size = sent_big_bytes ();
  GString *s = g_string_sized_new (size);
  TpDocument *doc;

  ck_assert_ptr_nonnull (h);
  while (s->len < size)
    g_string_append (s, para);
  doc = tp_harness_push_text (h, s->str, &error);
  ck_assert_ptr_nonnull (doc);
  ck_assert_uint_eq (
      tp_layer_get_length (tp_document_get_layer (doc, "sentence")),
      2 * (s->len / strlen (para)));
  tp_document_free (doc);
  g_string_free (s, TRUE);
  tp_harness_free (h);
}
END_TEST

/* Random texts made of tricky pieces: every token lies in exactly one
 * sentence, and sentences are ordered and start and end on tokens. */
START_TEST (test_random_invariants)
{
  static const char *const pieces[]
      = { "a",         "Xy",      "09",         " ",          " ",
          ".",         ",",       "!",          "?",          "'",
          "\"",        "(",       ")",          "-",          "=",
          "*",         "_",       "@",          "/",          ":",
          ">",         "\n",      "\n\n",       "\t",         "\u2019",
          "\u201c",    "\u201d",  "\u2026",     "\u2014",     "\u00a0",
          "\u2029",    "\u00e9",  "\u4e2d",     "\U0001F600", "http://x.org/a",
          "www.b.com", "j@x.com", "n't",        "'s",         "U.S.",
          "Dr.",       "Inc.",    "12/31/2001", "10:53",      "AM",
          "Thanks,",   "***",     "...",        "\r\n",       "Word",
          "THE END",   "]",       "[",          "1)",         ">>",
          "-- ",       "Hi",      "Dear",       "12:01:02",   "Best regards" };
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer, sentences", &error);
  GRand *rand = g_rand_new_with_seed (42);

  ck_assert_ptr_nonnull (h);
  for (guint d = 0; d < 2000; d++)
    {
      GString *s = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 0, d < 1000 ? 12 : 200);
      TpDocument *doc;
      TpLayer *tokens, *sents;
      guint j = 0, nt, ns;
      gsize prev_end = 0;

      for (guint i = 0; i < len; i++)
        g_string_append (
            s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      doc = tp_harness_push_text (h, s->str, &error);
      ck_assert_msg (doc != NULL, "%s", error ? error->message : "?");
      tokens = tp_document_get_layer (doc, "token");
      sents = tp_document_get_layer (doc, "sentence");
      nt = tp_layer_get_length (tokens);
      ns = tp_layer_get_length (sents);
      ck_assert (nt == 0 ? ns == 0 : ns > 0);
      for (guint i = 0; i < ns; i++)
        {
          gsize ss = tp_layer_get_start (sents, i);
          gsize se = tp_layer_get_end (sents, i);
          ck_assert_uint_lt (ss, se);
          ck_assert_uint_le (prev_end, ss);
          /* the sentence starts on the next token and ends on a token */
          ck_assert_uint_lt (j, nt);
          ck_assert_uint_eq (tp_layer_get_start (tokens, j), ss);
          while (j < nt && tp_layer_get_end (tokens, j) < se)
            j++;
          ck_assert_uint_lt (j, nt);
          ck_assert_uint_eq (tp_layer_get_end (tokens, j), se);
          j++;
          prev_end = se;
        }
      ck_assert_uint_eq (j, nt);
      tp_document_free (doc);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
  tp_harness_free (h);
}
END_TEST

/* TRUE when the @len bytes at @t hold a period before one of ` { | } ~ DEL:
 * the facts pass's classes let these pairs in with ".c" (its header says
 * so), the byte pass does not. */
static gboolean
facts_has_loose_pair (const char *t, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (t[i] == '.'
        && (t[i + 1] == '`' || ((guchar)t[i + 1] >= '{' && t[i + 1] < 0x7F)
            || t[i + 1] == 0x7F))
      return TRUE;
  return FALSE;
}

/* Checks that the facts pass in blocks of sixteen bytes finds what the byte
 * pass finds in the @len bytes at @t (NUL after them) with stops before @limit.
 */
static void
facts_check (const SentencesFactsSet *set, const char *t, gsize len,
             gsize limit)
{
  const guchar *u = (const guchar *)t;
  guint ref = sentences_scan_facts_by (set, u, len, limit, FALSE);
  guint f16 = sentences_scan_facts_by (set, u, len, limit, TRUE);

  if (f16 != ref && f16 == (ref | SENTENCES_FACT_RARE)
      && facts_has_loose_pair (t, len))
    return;
  ck_assert_msg (f16 == ref, "bytes: %x, blocks: %x for \"%s\" limit %zu", ref,
                 f16, t, limit);
}

/* The facts pass by blocks of sixteen bytes against the byte pass: random texts
 * of the bytes the facts are about, at every length to 100 and random limits;
 * then every byte at every position of a plain text whose length is near a
 * block edge, with the limit before, at and after it. */
START_TEST (test_facts_widths)
{
  static const char alphabet[] = "abdz AZ09.!?->)]\n=*_@:`{\xC3\xA9";
  static const char plain[] = "the cat sat on a mat and said hello to me ";
  static const guint edges[] = { 16, 32, 48, 64 };
  SentencesFactsSet set, high;
  GRand *rand = g_rand_new_with_seed (7);
  char buf[128];

  sentences_facts_set_init (&set, ")]\n=*_@:", 8);
  /* a rare byte from 0x80 makes the pass bytewise: still the same facts */
  sentences_facts_set_init (&high, ")]\n=*_@:\xC2", 9);
  for (gsize len = 1; len <= 100; len++)
    for (guint k = 0; k < 300; k++)
      {
        for (gsize i = 0; i < len; i++)
          buf[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        buf[len] = '\0';
        facts_check (&set, buf, len, g_rand_int_range (rand, 0, len + 2));
        facts_check (&high, buf, len, len);
      }
  for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
    for (gsize len = edges[e] - 2; len <= edges[e] + 2; len++)
      for (gsize pos = 0; pos < len; pos++)
        for (guint c = 1; c < 256; c++)
          {
            for (gsize i = 0; i < len; i++)
              buf[i] = plain[i % (sizeof plain - 1)];
            buf[len] = '\0';
            buf[pos] = (char)c;
            facts_check (&set, buf, len, pos);
            facts_check (&set, buf, len, pos + 1);
            facts_check (&set, buf, len, len);
          }
  g_rand_free (rand);
}
END_TEST

static Suite *
sentences_suite (void)
{
  Suite *s = suite_create ("sentences");
  TCase *tc = tcase_create ("conventions");

  tcase_add_loop_test (tc, test_table, 0, G_N_ELEMENTS (sent_cases));
  tcase_add_test (tc, test_paragraph_modes);
  tcase_add_test (tc, test_paragraph_index);
  tcase_add_test (tc, test_dateline_offsets);
  tcase_add_loop_test (tc, test_rare_offsets, 0,
                       G_N_ELEMENTS (sent_rare_cases));
  tcase_add_test (tc, test_requires_tokens);
  tcase_add_test (tc, test_facts_widths);
  suite_add_tcase (s, tc);
  tc = tcase_create ("hostile");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_hostile);
  tcase_add_test (tc, test_random_invariants);
  tcase_add_test (tc, test_big);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (sentences_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
