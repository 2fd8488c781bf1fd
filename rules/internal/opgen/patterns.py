import re,sys
# Building blocks of the operational patterns (written out in the YAML).
W = r"[\p{L}\p{N}'’-]+(?:,\d{3})*"
W3 = r"(?:[\p{L}\p{N}'’-]{3,}(?:,\d{3})*|\d+(?:,\d{3})*)"
NUMR = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-[\p{L}\p{N}_]+)?|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+dozen|several)"
ROLE = r"(?:police(?:\s+(?:officers?|constables?|agents?|investigators?|inspectors?))?|boatm[ae]n|officers?|agents?|constables?|police(?:men|women)|operatives?|investigators?|prosecutors?|social\s+workers?|caseworkers?|case\s+workers?|soldiers|marines|troopers|psychologists?|interpreters?|translators?|counsell?ors?|bailiffs?|examiners?|locksmiths?|detectives|inspectors?|guards|rangers|staff|officials|educators|nurses?|doctors?|medics?|paramedics?|defenders?|magistrates?|monitors|mobilisers|mobilizers|VAOs?|of\s+(?:us|ours)|from\s+(?:your|our|their)\s+side)"
# A unit by its proper name first ("of the Brigade des mineurs", "from the
# Nepal Police"), else by a unit noun ("from the regional anti-trafficking unit").
UNIT = r"(?:\s+(?:of|from)\s+the\s+(?-i:\p{Lu})[\p{L}-]*(?:\s+(?-i:\p{Lu})[\p{L}-]*)*(?:(?:\s+(?:des|de|du|del|la|le)\s+[\p{L}-]+|\s+(?:of|for|and|&)\s+(?-i:\p{Lu})[\p{L}-]*)(?:\s+(?-i:\p{Lu})[\p{L}-]*)*)*|\s+(?:of|from)\s+the\s+(?:[\p{L}-]+\s+){0,6}?(?:police|unit|department|agency|ministry|office|bureau|division|squad|task\s+force|service|organi[sz]ation|team|brigade|programme|program|project))?"
# Where a member of the team is placed: "2 female officers in the first wave".
POST = r"(?:\s+in\s+(?:\d{1,2}|two|three|four|five|six)\s+teams(?:\s+of\s+\d{1,3})?|\s+(?:in|on|at|with)\s+the\s+(?:(?:first|second|third|last|front|back|rear|entry|arrest|lead|search)\s+)?(?:wave|team|group|car|vehicle|van|line|door|entrance|boat|truck|jeep)|\s+at\s+the\s+(?:front|back|rear|side))?"
def member(num): return num + r"\s+(?:[\p{L}-]+\s+){0,3}?" + ROLE + r"\b" + UNIT + POST
# Ends a phrase without being part of it (outside group 1).
T = r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|or|who|which|that|while|when|then|so|because|told|said|says|were|was|is|are|had|has|have|to|into|at|in|on|from|with|after|before)\b|\s+\p{L}+ed\b|\s*$)"
# Ends a clause: punctuation or a clause word, so a phrase may run on
# through its prepositions ("at a roadside market on three occasions").
# A phrase also ends before a preposition that leads to a name or a time
# ("... beside the Yeji ferry landing", "... at 5:15 a.m."): those are
# other findings, and a phrase run into them would leave stray words.
TCAP = r"\s+(?:of|to|at|in|on|beside|near|from|by|with|for|behind|outside|past|around|before|after|until)\s+(?:the\s+)?(?:(?-i:\p{Lu})|\d)"
TP = r"(?:" + TCAP + r"|[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|which|who|so|because|then|until|unless|if|when|where|told|said|says|in\s+case)\b|\s*$)"
TPUNCT = r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s*$)"
# Ends a clause at punctuation or and, but, so.
TEND = r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|so)\b|\s*$)"
def phrase(n): return r"(?:" + W + r"\s+){0,%d}?" % n + W3
# Without a terminator in reach, a phrase still takes up to two words.
def short(n): return r"(?:" + W + r"\s+){0,1}" + W3
# Words that may follow a head phrase up to its terminator; the fallback
# drops them.
WL = r"(?-i:[\p{Ll}\p{N}'’-])[\p{L}\p{N}'’-]*(?:,\d{3})*"
def ext(n): return r"(?:\s+" + WL + r"){0,%d}?" % n
# The roles of the people who do the work, whatever else a pattern adds.
OURROLE = r"investigators?|officers?|agents?|officials?|colleagues?|policewom[ae]n|policem[ae]n|operatives?|inspectors?|constables?|detectives?"
# Who does operational work: "one of our investigators", "a plain-clothes
# officer", "Two Romanian colleagues", "Our field officer".
SUBJ = r"(?:(?:site|pretext|evidence|undercover|first|second|follow-up)\s+visits?:?|(?:our|one\s+of\s+our|two\s+of\s+our)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+|(?:an?|the|our|one|two|three|four|\d{1,2})\s+(?:[\p{L}-]+\s+){0,3}?(?:" + OURROLE + r"|staff|men|women|guys)|I|we|he|she|they)"
# Roles a cover takes: "as a customer", "as wholesale buyers".
COVERROLE = r"(?:deckhands?|fisherm[ae]n|crew\s+members?|cooks?|cleaners?|maids?|dancers?|hostess(?:es)?|waiters?|waitress(?:es)?|porters?|clients?|buyers?|tourists?|backpackers?|punters?|johns?|traders?|businessm[ae]n|businesswom[ae]n|job[- ]?seekers?|migrant\s+workers?|photographers?|drivers?|suppliers?|contractors?|recruiters?|brokers?|wholesalers?|dealers?|patrons?|guests?|visitors?|couples?|foreigners?|owners?|shopkeepers?|students?|volunteers?|researchers?|journalists?|labourers?|laborers?|workers?|sellers?|vendors?|repairm[ae]n|technicians?|salesm[ae]n|salespeople|friends?)"
COVERSTRONG = r"(?:customers?|clients?|buyers?|punters?|johns?|patrons?|(?:[\p{L}-]+[- ])?(?:shop|business|bar|restaurant|factory|boat)[- ]?owners?)"
# Investigators and officers, never a pronoun: a victim also "went to
# Dubai as a domestic worker".
SUBJNP = r"(?:(?:an?|the|our|one|two|three|four|\d{1,2})\s+(?:[\p{L}'’-]+\s+){0,2}?(?:" + OURROLE + r"))"
# With a cover that only a customer takes, any of our people: "Two of our
# guys went in as customers".
SUBJNP2 = r"(?:(?:an?|the|our|one|two|three|four|\d{1,2})\s+(?:[\p{L}-]+\s+){0,2}?(?:" + OURROLE + r"|guys|men|staff|members?|volunteers?|team))"
VEH = r"(?:boda-?bodas?|okadas?|microbus(?:es)?|coaster(?:\s+bus)?|Myvi|Perodua\s+[\p{L}\p{N}_]+|Isuzu|Tata\s+[\p{L}\p{N}_]+|Mahindra\s+[\p{L}\p{N}_]+|Suzuki\s+[\p{L}\p{N}_]+|Nissan\s+[\p{L}\p{N}_]+|Mitsubishi\s+[\p{L}\p{N}_]+|Ford\s+[\p{L}\p{N}_]+|vans?|minivans?|cars?|pick-?ups?|trucks?|lorr(?:y|ies)|jeeps?|jeepneys?|bus|buses|minibus(?:es)?|coach(?:es)?|vehicles?|boats?|canoes?|speedboats?|dinghies|dinghy|pirogues?|SUVs?|4x4s?|sedans?|taxis?|cabs?|motorcycles?|motorbikes?|motos?|tricycles?|three-wheelers?|matatus?|danfos?|guaguas?|tuk-?tuks?|auto-?rickshaws?|rickshaws?|ambulances?|Hilux|Hiace|Innova|Camry|Corolla|Probox|Land\s+Cruisers?|Prado|Pajero|Fortuner|Navara|Sienna|Avanza|Sprinter|Proton|Bolero|Scorpio|Tempo\s+Travell?ers?|Toyota\s+[\p{L}\p{N}_]+|Škoda\s+[\p{L}\p{N}_]+|Skoda\s+[\p{L}\p{N}_]+)"
# Where a team meets or waits.
PLACE = r"(?:(?:police|border|army|military|checkpoint)\s+post|ramp|pharmacy|(?:community|church|parish|wedding|village|town|sports)\s+(?:centre|center|hall)|hall|car\s*park|parking\s+(?:lot|area|garage)|(?:petrol|gas|filling|fuel|service|bus|train|railway|police)\s+station|station|car\s+wash|church|mosque|temple|school|hotel|motel|guest\s*house|lodge|inn|hostel|market|motor\s+park|bus\s+park|bus\s+stand|bus\s+stop|terminal|bridge|tea\s+shop|tea\s+stall|shop|stall|kiosk|restaurant|cafe|café|canteen|dhaba|laundromat|laundrette|junction|crossroads|intersection|roundabout|checkpoint|border\s+post|toll\s+(?:plaza|gate)|corner|gate|pier|jetty|dock|landing|harbou?r|beach|field|compound|warehouse|back\s*yard|yard|courtyard|garage|depot|lot|park|plaza|square|mall|airport|airstrip|HQ|headquarters|lay-?by|roadside|alley|bus|van|car|vehicle|minibus|truck|boat)"
MEETV = r"(?:(?:lay|lie|lying|lies)\s+in\s+wait|conven(?:e|es|ed|ing)|rendezvoused|link(?:ed)?\s+up|join(?:ed)?\s+up|meet|meets|met|meeting|gather(?:s|ed|ing)?|assembl(?:e|es|ed|ing)|regroup(?:s|ed|ing)?|stag(?:es|ed|ing)|wait(?:s|ed|ing)|(?:will|to)\s+wait|park(?:s|ed|ing)|(?:will|to)\s+park|brief(?:s|ed|ing)|pre-?brief(?:s|ed|ing)?|rendezvous(?:ed)?|muster(?:s|ed|ing)?|form(?:s|ed)?\s+up|converg(?:e|es|ed|ing))"
PREP = r"(?:up\s+)?(?:at|in|inside|by|near|behind|outside|on|above|beside|next\s+to|opposite|across\s+from|in\s+front\s+of|across\s+the\s+(?:road|street|alley|lane)(?:\s+(?:from|beside|near|behind|by))?)"
pats = {}
# "Over two weeks," before a cover or a watch.
DUR = r"(?:(?:over|for|during)\s+(?:the\s+)?(?:next\s+|following\s+)?(?:" + NUMR + r"|several|many)\s+(?:days|weeks|months|nights),?\s+)?"
COVERSUBJ = r"(?:" + SUBJ + r"(?:\s+(?:in\s+civilian\s+clothes|in\s+plain\s+clothes))?(?:\s+" + W + r"){0,4}?,?\s+)?"
pats['women-officers'] = [
  r"\b((?:an?|one|" + NUMR + r")\s+(?:women|woman|female)\s+(?:police\s+)?(?:officers?|constables?|agents?|investigators?|inspectors?)(?:\s+(?:on\s+duty|from\s+the\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+))?)\b",
]
pats['cover'] = [
  r"\b(" + DUR + COVERSUBJ + r"(?:(?:pos(?:ed|ing|es|e)|disguised|dressed|went\s+undercover|(?:introduced|introducing|presented|presenting|passed|passing)\s+(?:himself|herself|themselves)(?:\s+off)?|masquerad(?:ed|ing)|under\s+cover)\s+as|(?:pretend(?:ed|ing)|claim(?:ed|ing))\s+to\s+be)\s+(?:an?\s+|the\s+|two\s+|three\s+)?" + phrase(3) + r"(?:\s+(?:looking\s+for|buying|selling|for|wanting\s+to|hoping\s+to|trying\s+to|seeking)\s+" + phrase(4) + r")?(?:,?\s+(?:asking|offering|looking|saying|claiming|wanting|seeking|requesting)\s+" + phrase(10) + r")?)" + T,
  r"\b((?:pretend(?:ed|ing)|claim(?:ed|ing)|purport(?:ed|ing))\s+to\s+be\s+(?:an?\s+)?" + phrase(3) + r")" + T,
  # A cover by what one pretends to do: "stood by the road pretending to
  # sell phone cards", "went to the site pretending to look for work" (not
  # a victim who "pretended to sleep").
  r"\b((?:(?:stood|sat|waited|went|came|walked|stayed|returned|visited|hung\s+around|spent)\b(?:\s+" + W + r"){0,6}?,?\s+)?pretend(?:ed|ing|s)?\s+to\s+(?:sell|buy|shop|look\s+for|be\s+looking\s+for|ask\s+about|deliver|repair|fix|rent|hire|order|book|collect|recruit|need|want|seek|apply\s+for|wait\s+for|be\s+interested\s+in|be\s+shopping\s+for)\b" + ext(8) + r")" + T,
  # A pretext at the door: "knock and say they were following up a labour
  # complaint", "told Auntie he wanted to buy dry goods for a party".
  r"\b((?:(?:knock|knocked|knocks|go\s+in|went\s+in|call|called|arrive|arrived)\s+and\s+)?(?:say|said|says|claim|claimed|tell|told|explain|explained)\s+(?:(?:the\s+[\p{L}-]+|him|her|them|Auntie|the\s+owner|the\s+guard|the\s+manager)\s+)?(?:that\s+)?(?:they|he|she|we|I)(?:\s+(?:were|was|are|is|am)|['’](?:re|m|s))\s+(?:following\s+up|inspecting|checking\s+on|surveying|(?:conducting|doing|running)\s+an?\s+(?:[\p{L}-]+\s+){0,2}?survey|there\s+to\s+(?:inspect|check|deliver|repair|fix|collect|survey)|from\s+the\s+(?:ministry|council|municipality|electricity|water|health|census|gas))\b" + ext(8) + r")" + T,
  r"\b((?:one|two|both|each)\s+of\s+(?:them|us)\s+(?:told|asked)\s+(?:the\s+[\p{L}-]+|him|her|them|(?-i:\p{Lu})[\p{L}-]+)\s+(?:that\s+)?(?:he|she|they|we)\s+(?:wanted|needed|was\s+looking|were\s+looking|was\s+hoping|were\s+hoping)\s+(?:to\s+buy|to\s+rent|to\s+hire|to\s+book|to\s+order|for)\b" + ext(8) + r")" + T,
  r"\b((?:under|in)\s+the\s+guise\s+of\s+(?:an?\s+)?" + phrase(4) + r")" + T,
  # A cover taken by going somewhere "as a customer", and where the
  # undercover person then sat: "goes in as a customer, sits by the stairs".
  r"\b((?:" + SUBJNP2 + r"\s+)?(?:go|goes|went|going|gone|came|comes|come|walked|walks|climbed|climbs|entered|enters|visited|visits|returned|returns|sat|sits|checked\s+in|stayed|booked|drank|ordered|called|phoned|approached|applied|acted|acting|(?:was|were)\s+(?:already\s+)?(?:inside|there|in))\b(?:\s+" + W + r"){0,4}?\s+as\s+(?:an?\s+|two\s+|three\s+)?(?:[\p{L}-]+\s+){0,2}?" + COVERSTRONG + r"\b(?:,?\s+(?:and\s+)?(?:sits?|sat|sitting|waits?|waited|waiting|stays?|stayed|stands?|stood|standing)\s+(?:by|near|at|in|on|outside|beside|behind|close\s+to)\s+(?:the\s+)?" + phrase(2) + r")?)" + T,
  r"\b(" + SUBJNP + r"\s+(?:attended|attends|joined|joins|worked|works|signed\s+on|took\s+a\s+job|go|goes|went|going|gone|came|comes|come|walked|walks|climbed|climbs|entered|enters|visited|visits|returned|returns|sat|sits|checked\s+in|stayed|booked|drank|ordered|called|phoned|approached|applied)\b(?:\s+" + W + r"){0,4}?\s+as\s+(?:an?\s+|two\s+|three\s+)?(?:[\p{L}-]+\s+){0,2}?" + COVERROLE + r"\b(?:,?\s+(?:and\s+)?(?:sits?|sat|sitting|waits?|waited|waiting|stays?|stayed|stands?|stood|standing)\s+(?:by|near|at|in|on|outside|beside|behind|close\s+to)\s+(?:the\s+)?" + phrase(2) + r")?)" + T,
  # Going in as anyone: "I went in twice as a driver delivering water",
  # "we went in as a church group" (a victim "went to Dubai as a maid" does
  # not go in).
  r"\b((?:(?:I|we|he|she|they)\s+)?(?:went|go|goes|going|gone)\s+in(?:side)?(?:\s+(?:alone|twice|again|first|yesterday|today|tonight|once|together))*\s+as\s+(?:an?|my|our|the|his|her|their|two)\s+" + phrase(4) + r")" + T,
  # Notes: "Piseth + me as phone-shop owners out celebrating".
  r"\b(?:me|us|myself|ourselves|both\s+of\s+us)\s+(as\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,2}?" + COVERSTRONG + r"\b(?:\s+out\s+[\p{L}]+ing)?)",
  r"\b((?:an?|the)\s+undercover\s+(?:agent|officer|investigator|operative|cop)s?(?:\s+(?:online|inside|in\s+the\s+[\p{L}-]+))?\s+(?:confirmed|signalled|signaled|reported|texted|messaged|called|sent|gave|flashed|radioed|alerted|counted|saw)\s+" + phrase(10) + r")" + r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while)\b|\s*$)",
  # Cover stories: "Cover: Singaporean logistics manager entertaining a
  # client", "Her story to the gateman was that", "I told the officers the
  # girls were my nieces".
  r"\b(cover(?:\s+story)?\s*:\s*[^\n.;]{3,100})",
  r"\b((?:same|new|different|usual|another)\s+cover(?:\s+story)?)\b",
  r"\b((?:her|his|our|my|their|the)\s+(?:cover\s+)?story\s+(?:to\s+(?:the\s+)?[\p{L}\p{N}_-]+\s+)?was\s+that\s+" + phrase(12) + r")" + TPUNCT,
  r"\b((?:I|we|he|she|they)\s+told\s+(?:the\s+)?[\p{L}\p{N}_-]+\s+(?:that\s+)?(?:the\s+[\p{L}\p{N}_]+|they|we|she|he)\s+(?:were|was)\s+(?:my|her|his|our|their)\s+(?:nieces?|nephews?|daughters?|sons?|cousins?|relatives?|sisters?|brothers?|wife|husband|children|family|friends?)" + ext(8) + r")" + TPUNCT,
  r"\b(undercover,?\s+(?:he|she|they|we|I)\s+(?:spent|went|visited|stayed|worked|posed|sat|returned|drank|bought)\b" + ext(12) + r")" + TP,
  # "Officers wore civilian clothes".
  r"\b((?:wore|wearing|wear|wears|dressed\s+in|changed\s+into)\s+(?:civilian|plain|ordinary|street|casual)\s+clothes\b" + ext(8) + r")" + TP,
  r"\b((?:plain[- ]?clothes|plainclothes|undercover)\s+(?:officers?|agents?|police(?:men|women)?|investigators?))\b",
  r"\b((?:officers?|agents?|police(?:men|women)?|investigators?)\s+in\s+(?:civilian|plain)\s+clothes)\b",
  r"\b(the\s+undercover\s+(?:investigator|officer|agent))\b",
  r"\b((?:a\s+)?decoy\s+(?:customer|buyer|client)(?:\s+sent\s+by\s+(?:the\s+)?police)?)\b",
]
PASTV = r"(?:\s+(?:found|saw|heard|knew|spoke|rang|wrote|became|came|went|gave|got|thought|felt|kept|left|met|ran|brought|caught|noticed|told|said|says|called|texted|messaged|sent|took|was|had)\b|\s+(?-i:\p{Ll})\p{L}+ed\b)"
TSRC = r"(?:" + TCAP + r"|[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while)\b|" + PASTV + r"|\s*$)"
TSRC0 = r"(?:" + TCAP + r"|[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says)\b|\s*$)"
TSRC2 = r"(?:" + TCAP + r"|\s+(?-i:\p{Ll})\p{L}+ed\b|[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says|called|texted|messaged|sent|took|was|had|phoned|rang|contacted|alerted|wrote|reached)\b|\s*$)"
TCL = r"(?:" + TCAP + r"|[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while)\b|\s*$)"
ESC = r"(?:an?|the|her|his|their|one|another|my|our)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+,?\s+who\s+(?:had\s+|herself\s+|himself\s+)?(?:escaped|fled|run\s+away|ran\s+away|got\s+out|slipped\s+away|been\s+rescued)\b"
# Who did it, when a noun phrase says so: "the priest", "The neighbour's helper".
DETSUBJ = r"(?:(?:an?|the|her|his|their|our)\s+(?:[\p{L}'’-]+\s+){0,4}?)?"
pats['source'] = [
  r"\b((?:an?|the|our)\s+(?:tip|tip-off|lead|report|call|message|referral|alert)\s+from\s+(?:an?|the|her|his|their)\s+" + phrase(3) + r"(?:,?\s+(?:who|that)\s+" + phrase(10) + r")?)" + TSRC0,
  # "tip came via a moto-dop who drives the girls home after closing".
  r"\b((?:the\s+|a\s+|our\s+|this\s+|first\s+)?(?:tip|tip-off|lead|information|intel|word|alert|referral|report|call|case)\s+(?:came|comes|come|arrived|was\s+passed|reached\s+us)\s+(?:in\s+)?(?:via|from|through)\s+(?:an?|the|her|his|their|our)\s+" + phrase(10) + r")" + TSRC0,
  r"\b(informant(?:\s+(?:is|was)\s+(?:an?|the)\s+" + phrase(10) + r")?)" + TSRC0,
  r"\b(" + DETSUBJ + r"(?:passed|sent|gave|took|forwarded)\s+(?:the\s+)?(?:tip|word|note|message|information|list|referral|report|lead|details)\b(?:\s+" + W + r"){0,8}?)" + TCL,
  # "That message, passed on by the cousin's pastor to a NAPTIP officer".
  r"\b((?:passed|handed|relayed|forwarded)\s+(?:on\s+)?by\s+(?:an?|the|her|his|their|our)\s+" + phrase(10) + r")" + TSRC0,
  # A note or number slipped to someone: "passed a note with our hotline number".
  r"\b((?:pass|passes|passed|passing|slip|slips|slipped|slipping|hand|hands|handed|handing|give|gives|gave|giving)\s+(?:an?|her|his|their|our)\s+(?:[\p{L}-]+\s+)?(?:note|slip|tip|list)\b(?:\s+" + W + r"){0,8}?)" + TCL,
  r"\b((?:(?:an?|the|her|his|their|our)\s+)?(?:[\p{L}'’-]+\s+){0,3}(?:called|messaged|texted|contacted|alerted)\s+(?:our|a|the)\s+(?:partner(?:'|’)?s?\s+)?(?:hotline|helpline|tip\s+line)\b(?:\s+on\s+[\p{L}\p{N}_]+)?(?:\s+(?:after|when|once)\s+" + phrase(10) + r")?)" + TSRC0,
  r"\b((?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:driver|seller|vendor|rider|attendant|neighbour|neighbor|cleaner|worker|helper|volunteer|observer|crew\s+member|schoolteacher|teacher|fisherman|boatman|operator|liaison\s+officer|shopkeeper|guard|mototaxi\s+driver|security\s+guard)\s+(?:who|in|at|aboard|from|on)\s+" + phrase(10) + r"(?:\s+and\s+(?:later\s+|then\s+|eventually\s+)?(?:called|phoned|texted|messaged|contacted|alerted|told|rang)\s+(?:our|the|us|a)\b(?:\s+(?:hotline|helpline|police|team|office|tip\s+line))?)?)" + TSRC,
  # Other trades only with a relative clause: "a hairdresser who braids for
  # the madam's girls" (not "a cook in a restaurant", a victim's old job).
  r"\b((?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:cook|hairdresser|barber|waiter|waitress|porter|tailor|mechanic|trader|pharmacist|nurse|midwife)\s+who\s+" + phrase(10) + r")" + TSRC,
  # Someone who got out and told: "a girl who had escaped the same
  # building phoned a staff member", "a cousin who had escaped the mill".
  r"\b(" + ESC + r"(?:\s+" + W + r"){0,10}?,?\s+(?:phoned|called|rang|texted|messaged|contacted|alerted|wrote\s+to|reached|tipped\s+off|told)\s+" + phrase(12) + r")" + TCL,
  r"\b(" + ESC + r"(?:\s+" + W + r"){0,10}?)" + TSRC2,
  # A call to a helpline and who made it: "through a call to our legal-aid
  # helpline from a rickshaw driver whose cousin had run away".
  r"\b((?:through\s+|via\s+|after\s+|with\s+)?(?:an?|the)\s+(?:call|message|report|tip|text)\s+to\s+(?:our|a|the)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:helpline|hotline|tip\s+line|office|team)\s+from\s+(?:an?|the|her|his|their)\s+" + phrase(12) + r")" + TSRC0,
  # Someone who reported to a helpline: "a customer at the car wash
  # reported to the Modern Slavery Helpline".
  r"\b((?:an?|the)\s+(?:[\p{L}'’-]+\s+){0,6}?(?:reported|called|phoned|rang|texted|contacted|alerted|wrote)\s+(?:to\s+)?(?:the|our|a)\s+(?:[\p{L}-]+\s+){0,3}?(?:helpline|hotline|tip\s+line)\b" + ext(12) + r")" + TCL,
  # What a source is paid: "to be paid transport costs only", "We reimbursed
  # his fuel for the two trips he made with us".
  r"\b((?:(?:we|they|he|she|each)\s+)?(?:to\s+be\s+)?(?:paid|reimbursed|reimburse|reimburses|compensated|given)\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:transport|fuel|travel|expenses|costs|petrol|fares?|allowance)\b" + ext(10) + r")" + TP,
  # "An insider at the factory", "A source inside the brothel".
  r"\b((?:an?|the|our)\s+(?:[\p{L}-]+\s+)?(?:insider|whistle-?blower|source|informer|informant|mole|contact)\s+(?:inside|at|in|within|close\s+to|on)\s+(?:the|a|an)\s+" + phrase(6) + r"(?:\s+had\s+(?:reported|seen|spotted|told\s+us|flagged|noticed|photographed)\s+" + phrase(10) + r")?)" + TSRC,
  # Messages left with someone: "we will leave notes with the woman who sells kenkey".
  r"\b((?:(?:we|I|they|he|she)\s+(?:will\s+|would\s+|can\s+)?)?(?:leave|left|leaves|leaving|drop|dropped|drops)\s+(?:notes?|messages?|money|a\s+note|a\s+message|the\s+phone|a\s+phone)\s+with\s+(?:an?|the|her|his|our)\s+" + phrase(12) + r")" + TCL,
  # Whoever tipped us off: "the local fisherman who first tipped us off".
  r"\b((?:an?|the|her|his|their|one)\s+(?:[\p{L}'’-]+\s+){1,3}?(?:whose\s+(?:[\p{L}'’-]+\s+){1,6}?and\s+)?who\s+(?:first\s+|had\s+|later\s+|then\s+)?(?:tipped|alerted|informed|flagged|reported|noticed|spotted|witnessed|overheard|(?:called|phoned|rang|contacted|texted|messaged)\s+(?:us|our\b|the\s+(?:police|hotline|helpline|tip\s+line)|police|a\s+(?:hotline|helpline)))\b(?:\s+" + W + r"){0,8}?)" + TCL,
  r"\b((?:an?\s+)?(?:[\p{L}-]+\s+){0,3}?(?:officer|investigator|officers|investigators)\s+had\s+(?:flagged|reported|spotted|monitored)\s+(?:the|an?|her|his)\s+" + phrase(5) + r")" + T,
]
# Who watched or recorded: "one of them", "two of our team", "a colleague",
# "Police".
SUBJX = r"(?:(?:(?:one|two|three|four|some|each|both)\s+of\s+(?:them|us|our\s+[\p{L}-]+|the\s+[\p{L}-]+)|(?:the|our|an?)\s+(?:[\p{L}-]+\s+)?(?:police|officers?|team|investigators?|colleagues?|staff|agents?|monitors?|inspectors?)|police|officers|we|they|I|he|she)\s+(?:(?:also|then|had|would|secretly|quietly)\s+)?)"
pats['equipment'] = [
  # "a hidden camera fitted in a fish trader's cool box", "watch cam".
  r"\b((?:(?:video|audio|footage|photos?|images?|the\s+visits?)\s+(?:was|were)\s+(?:captured|recorded|taken|filmed|shot)\s+(?:with|on|using)\s+|(?:I|we|he|she|they|one|one\s+of\s+them)\s+(?:wore|wears|carried|carries|used|uses|had|hid|concealed|switched\s+on)\s+)?(?:an?\s+|the\s+|two\s+)?(?:(?:hidden|button|buttonhole|pen|keychain|key-chain|spy|covert|body[- ]worn|pinhole|concealed|secret|watch|glasses|recording|little|tiny|small)\s+){1,2}(?:cameras?|cams?|microphones?|mics?|recorders?|devices?|pens?)\b(?:\s+(?:(?:fitted|hidden|sewn|concealed|mounted|built|tucked|placed|installed|clipped|taped|pinned)\s+)?(?:in|into|inside|under|behind|on|to)\s+(?:(?:an?|the|his|her|their|my|our)\s+)?" + phrase(5) + r"(?:\s+switched\s+on)?)?)" + T,
  r"\b((?:watch|glasses|button|pen|body)[- ]?cams?\b" + ext(6) + r")" + TP,
  # Kit named by its kind: "the GoPro on a chest strap", "a long lens".
  r"\b((?:(?:an?|the|my|our|his|her)\s+)?(?:GoPros?|dash-?cams?|long[- ]lens|telephoto\s+lens|binoculars|night-vision\s+(?:goggles|camera|scope)|thermal\s+(?:torch|camera|imager|scope|drone))\b" + ext(8) + r")" + TP,
  # "with a camera sewn into a fanny pack".
  r"\b((?:with\s+)?(?:an?|the)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:camera|microphone|recorder|cam)\s+(?:sewn|hidden|concealed|tucked|fitted|built|taped|clipped|stitched)\s+(?:in|into|inside|under|behind|to|on)\s+(?:an?|the|his|her|their|my|our)\s+" + phrase(5) + r")" + T,
  r"\b((?:took|take|takes|taking|shot|shoot|shooting)\s+(?:stills|photos|photographs|pictures|clips|video|footage)(?:\s+and\s+(?:[\p{L}\p{N}_-]+\s+)?(?:stills|photos|clips|video|footage))?\b" + ext(10) + r")" + TP,
  r"\b((?:geo-?tagged|time-?stamped)\s+(?:photos|photographs|pictures|videos?|images|recordings)(?:\s+and\s+(?:[\p{L}\p{N}_-]+\s+)?(?:notes|recordings|videos?|photos))?\b" + ext(10) + r")" + TP,
  r"\b((?:(?:the|a)\s+[\p{L}\p{N}_-]+\s+(?:was|were)\s+)?recorded\s+by\s+(?:an?|the|our)\s+" + phrase(8) + r")" + TP,
  r"\b((?:recorded|filmed|photographed|videoed|audio[- ]recorded|imaged|secretly\s+[\p{L}\p{N}_]+)\b(?:\s+(?:on|with|from|in|using|every|the|a|an|his|her|my|our|their|six|two|three|[\p{L}\p{N}_'-]+)){0,8})",
  r"\b((?:" + SUBJX + r"|" + DETSUBJ + r")(?:recorded|filmed|photographed|videoed|audio[- ]recorded|photographing|filming|recording)\s+(?:the|a|an|every|each|his|her|their|our|them|him|it|everything|" + NUMR + r")(?:\s+" + W + r")?" + ext(12) + r"(?:\s+and\s+(?:sent|passed|forwarded|gave|showed|handed|uploaded|smuggled)\s+(?:it|them|the\s+[\p{L}\p{N}_]+|a\s+copy)\s+(?:out\s+)?(?:to|by|via|through|on)\s+" + phrase(6) + r")?)" + TP,
  r"\b((?:audio|video)\s+recorded\b(?:\s+[\p{L}\p{N}_'-]+){0,6})",
  r"\b(satellite (?:messenger|phone))\b",
  r"\b((?:activated|pressed|triggered|used)\s+(?:an?|the|his|her|its)\s+(?:distress|emergency|locator|SOS)\s+(?:beacon|button|signal|alarm)|(?:distress|emergency|locator)\s+beacon|panic\s+button)\b",
  r"\b((?:wore|wears|wearing)\s+a\s+wire|(?:was|were)\s+wired(?:\s+up)?)\b",
  r"\b((?:(?:flew|flown|flying|launched|sent\s+up)\s+)?(?:an?|the|our)\s+(?:(?:camera|small|little|cheap|borrowed|hired)\s+)?drones?\b(?:\s+(?:was|were)\s+(?:used|flown|sent|launched))?" + ext(8) + r")" + TP,
  r"\b((?:using|via|by|through)\s+(?:its|their|the|his|her)\s+(?:transponder|AIS|GPS|vessel-tracking|tracking)\s+(?:signal|data|position|beacon)s?)\b",
  r"\b((?:GPS tracker|tracking device|drone footage|wiretap|phone tap)s?)\b",
  r"\b(monitored\s+the\s+(?:livestreams?|chats?|accounts?|calls?|messages)\b(?:\s+for\s+[\p{L}\p{N}_]+\s+[\p{L}\p{N}_]+)?)",
  r"\b((?:" + SUBJX + r")?monitor(?:ed|ing|s)?\s+(?:the|a|an|his|her|their|its)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:page|pages|accounts?|profiles?|groups?|chats?|livestreams?|calls?|messages|ads?|advertisements|website|feeds?)\b" + ext(8) + r")" + TP,
  r"\b((?:" + SUBJX + r")?(?:downloaded|extracted|copied|retrieved|recovered|pulled)\s+(?:the\s+|all\s+the\s+)?(?:chat\s+(?:history|logs?)|messages|photos|data|contacts|call\s+logs?|videos|files|images)\s+(?:from|off)\s+" + phrase(10) + r")" + TP,
  r"\b(unlocked\s+the\s+phone\b(?:\s+[\p{L}\p{N}_-]+){0,4})",
  r"\b(forensic\s+examiner\b(?:\s+[\p{L}\p{N}_-]+){0,6})",
  r"\b((?:(?:an?|the)\s+)?(?:(?:digital\s+)?forensics?\s+)?(?:examiner|analyst|expert|forensics?\s+team)\s+(?:imaged|extracted|copied|examined|downloaded|searched|cloned|unlocked)\s+" + phrase(8) + r")" + TPUNCT,
  r"\b(digital forensics examiner)\b",
  r"\b((?:took|taken) a still\b(?:\s+[\p{L}\p{N}_-]+){0,5})",
  r"\b((?:(?:the\s+)?(?:police|officers|investigators|we|they)\s+)?(?:took|taken|grabbed|pulled)\s+(?:a\s+)?(?:still|stills|screenshots?|screen\s+grabs?|frames?)\s+(?:of|from)\s+" + phrase(8) + r")" + TP,
  # Filming on a camera by where it is worn or how it runs: "filming on a
  # shirt-pocket camera", "recorded on a phone camera hidden in a straw tote
  # bag", "with a phone camera on a timer", "filming with a camera stitched
  # into the peak of a baseball cap".
  r"\b((?:filming|filmed|recording|recorded|photographing|photographed|logged|logging|documented|documenting)\b(?:\s+" + W + r"){0,4}?\s+(?:on|with|using)\s+(?:an?|the|his|her|their|our)\s+(?:[\p{L}-]+\s+)?(?:(?:[\p{L}]+-)?pocket|chest|phone|mobile|dash|bag|hat|cap|lapel|collar|keychain|key-chain|pinhole|spy)[- ]?(?:camera|cam)\b(?:\s+(?:hidden|sewn|tucked|concealed|fitted|stitched|set|running|on\s+a\s+timer)\b" + ext(8) + r")?)" + T,
  r"\b((?:filming|filmed|recording|recorded)\s+(?:on|with|using)\s+(?:an?|the|his|her|their|our)\s+(?:[\p{L}-]+\s+)?(?:camera|cam|recorder)\s+(?:hidden|sewn|tucked|concealed|fitted|stitched|taped|clipped)\s+(?:in|into|inside|under|behind|to|on)\s+(?:an?|the|his|her|their|my|our)\s+" + phrase(6) + r")" + T,
  # "copies on the encrypted drive only".
  r"\b((?:(?:copies|backups?|a\s+copy)\s+(?:are\s+|were\s+|kept\s+|stored\s+)?(?:on|in|to)\s+|(?:copied|uploaded|saved|stored|backed\s+up|kept|transferred)\s+(?:[\p{L}\p{N}_-]+\s+){0,3}?(?:on|onto|to|in)\s+)?(?:an?|the|our)\s+(?:encrypted|password-protected)\s+(?:drive|laptop|phone|server|folder|USB|stick|hard\s+drive|disk|partition)(?:\s+only)?" + ext(6) + r")" + TP,
]
PLACEPHRASE = r"(?:(?:an?|the|our|their)\s+(?:(?-i:[\p{Ll}\p{N}])[\p{L}\p{N}_'’-]*\s+){0,3}?" + PLACE + r"|(?:[\p{L}\p{N}_-]+\s+)?(?:HQ|headquarters))\b"
pats['staging'] = [
  # "met in a church car park", "the team meets at the fuel station",
  # "Our investigator met the men at a laundromat in town".
  r"\b((?:(?:the|our|all|both)\s+(?:[\p{L}-]+\s+)?(?:team|teams|officers|vehicles|cars|vans|units|investigators?|police)\s+(?:had\s+|will\s+|would\s+)?|(?:they|we)\s+(?:had\s+|will\s+|would\s+)?)?" + MEETV + r"(?:\s+(?:the\s+[\p{L}-]+|our\s+[\p{L}-]+|with\s+(?:the\s+|our\s+)?[\p{L}-]+))?\s+" + PREP + r"\s+" + PLACEPHRASE + ext(8) + r")" + TP,
  # A team that gathers names the place, whatever it is: "The officers
  # gathered behind the old cinema".
  r"\b((?:the|our|all|both|" + NUMR + r")\s+(?:[\p{L}-]+\s+){0,2}?(?:team|teams|officers|police|investigators|agents|units|vehicles|convoy|squad)\s+(?:had\s+|will\s+|would\s+)?(?:" + MEETV + r"|stayed|stays|hid|lodged|slept)\s+" + PREP + r"\s+(?:an?|the|our)\s+" + phrase(5) + r")" + TP,
  # Labels of an operation's notes: "Staging area: the car park behind the
  # market". The value stops before a name or a time, which are findings of
  # their own and would cut it into stray words.
  r"(?m)^[ \t]*(?:[-*•+]\s+)?\**((?:briefing|pre-?brief(?:ing)?|meeting\s+point|rendezvous|RV|staging(?:\s+area|\s+point)?|assembly\s+point|rally\s+point|muster\s+point|holding\s+point)\**\s*:\s*\**\s*(?-i:\p{Ll}[^\n\p{Lu}\p{N}]{2,160}))",
  r"\b((?:at|through|past|near|beyond)\s+(?:an?|the)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:roadblock|road\s*block|checkpoint|check-point)s?\b" + ext(6) + r")" + TP,
  r"\b((?:staff\s+|team\s+|final\s+|pre-?raid\s+|operational\s+|morning\s+)?briefing\s+(?:at|in)\s+(?:the|our|a)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:office|room|station|HQ|headquarters|compound|hall|base|camp))\b",
  r"\b((?:the|our)\s+(?:[\p{L}-]+\s+)?team\s+(?:would|will|was\s+to|were\s+to|had\s+to|is\s+to)\s+(?:assemble|meet|gather|stage|regroup|muster)\b" + ext(8) + r")" + TP,
  # A meeting point by its name: "We met behind Hotel Juan Calvo" (the name
  # is a location finding of its own).
  r"\b((?:we|they|the\s+team|the\s+officers|officers|police)\s+(?:had\s+)?(?:met|gathered|waited|assembled|regrouped|parked|staged)\s+(?:behind|outside|near|beside|opposite|at|in\s+front\s+of|across\s+from))\s+(?-i:\p{Lu})",
  # Where watchers sit: "who sit at a tea stall facing the crossing".
  r"\b(who\s+(?:sit|sits|sat|wait|waits|waited|stand|stands|stood|watch|watches|watched|park|parks|parked)\s+(?:at|in|by|near|outside|behind|across\s+from|opposite)\s+(?:an?|the)\s+" + phrase(8) + r")" + TP,
  r"\b((?:an?|the|our|two)\s+(?:[\p{L}-]+\s+)?" + ROLE + r"(?:\s+from\s+(?:an?|the|our)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)?\s+(?:met|meets|will\s+meet|collected|picked\s+up)\s+(?:them|her|him|the\s+[\p{L}\p{N}_]+)\s+(?:at|in|outside)\s+(?:an?|the)\s+" + phrase(5) + r")" + TP,
  r"\b((?:statements|interviews)\s+(?:were|was|will\s+be)\s+(?:taken|recorded|held)\s+(?:in|at|inside)\s+(?:an?|the)\s+" + phrase(6) + r"(?:,?\s+with\s+" + NUMR + r"\s+(?:[\p{L}-]+\s+){0,3}?" + ROLE + r")?)" + TP,
  # An observation post or a room taken under cover: "rented a flat opposite
  # the brothel", "booked a room at the hotel".
  r"\b((?:rented|rents|rent|took|booked|hired)\s+(?:an?|the)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:flat|room|house|apartment|shop|stall|office)\s+(?:opposite|across\s+from|overlooking|facing|next\s+to|near|above|beside|at|in)\s+(?:the|a)\s+" + phrase(5) + r")" + TP,
  # Where survivors were interviewed: "interviewed at a child-friendly room".
  r"\b((?:were|was)\s+interviewed\s+(?:at|in)\s+(?:an?|the)\s+" + phrase(8) + r")" + TP,
  # "The officers set off from the district police station".
  r"\b((?:(?:the|our|all|both|" + NUMR + r")\s+(?:[\p{L}-]+\s+){0,2}?(?:team|teams|officers|police|investigators|agents|units|convoy|squad)\s+)?(?:set\s+off|sets\s+off|setting\s+off|moved\s+out|headed\s+out|rolled\s+out|departed)\s+from\s+(?:an?|the|our)\s+" + phrase(6) + r")" + TP,
  # "The arrest team waited until the owner had collected the night's takings".
  r"\b((?:the|our)\s+(?:[\p{L}-]+\s+)?(?:team|officers|police|investigators|squad)\s+(?:waited|held\s+back|held\s+off|held\s+position)\s+until\s+" + phrase(10) + r")" + TPUNCT,
  r"\b((?:(?:" + NUMR + r")\s+(?:[\p{L}-]+\s+){0,2}?)?on\s+standby\s+(?:at|in|near|outside|behind|by)\s+(?:an?|the)\s+" + phrase(6) + r")" + TP,
  r"(?m)^[ \t]*(?:[-*•+]\s+)?(?:[\d:.]+\s+)?((?:stage|meet|park|wait|assemble|regroup)\s+(?:at|in|behind|outside|near|by)\s+(?:the|a|an)\s+" + phrase(6) + r")" + TP,
  r"\b((?:" + MEETV + r")\s+(?:at|in|inside|outside|behind)\s+(?:an?|the|our)\s+(?-i:[\p{Ll}][\p{L}\p{N}_'’-]*)\s+(?:[\p{L}\p{N}_'’-]+\s+)?(?:office|offices|room|compound))\b",
  r"\b((?:were|was)\s+(?:collected|picked\s+up|fetched)\s+(?:from|at|outside)\s+(?:an?|the)\s+" + phrase(8) + r")" + TP,
  # Pickups: "Officers from the embassy collected her from a church near the compound".
  r"\b((?:collected|picked\s+up|fetched|extracted)\s+(?:her|him|them|the\s+(?:girls?|boys?|women|woman|children|child|survivors?|victims?|men|workers?|famil(?:y|ies)|witness(?:es)?))\s+(?:from|at|outside|behind)\s+(?:an?|the)\s+" + phrase(8) + r")" + TP,
  r"\b((?:RV|rendezvous|rally|muster|assembly|holding|staging)\s+points?)\b",
  # "park round the back by the car wash".
  r"\b((?:park|parks|parked|parking|wait|waits|waited|waiting|meet|meets|met|stage|staged|gather|gathered|pulled\s+up|pull\s+up|stopped)\s+(?:round|around|at|behind)\s+the\s+(?:back|rear|side|corner)\b" + ext(8) + r")" + TP,
  # Waiting at a point of the operation: "six officers waiting in two
  # cars at the port gate", "They had waited in a rented van two streets away".
  r"\b((?:(?:they|we)\s+(?:had\s+)?|(?:an?|the|our|" + NUMR + r")\s+(?:[\p{L}-]+\s+){0,2}?" + ROLE + r"\s+)?(?:waiting|waited|wait|waits|posted|stationed|hid|parked|sat)\s+(?:in|on|at|by|near|outside|behind)\s+(?:(?:an?|the|two|three|\d)\s+)?(?:(?-i:[\p{Ll}\p{N}])[\p{L}\p{N}_'-]*\s+){0,2}(?:" + VEH + r"|corner|gate|exit|entrance|door|road|lane|street)\b(?:\s+(?:at|by|near|outside|on)\s+(?:the\s+|each\s+)?(?:[\p{L}\p{N}_'-]+\s+){0,3}?(?:gate|end|exit|entrance|door|corner|road|lane|street|bridge|station)\b(?:\s+of\s+the\s+[\p{L}\p{N}_-]+)?)?(?:\s+(?:one|two|three|four|five|\d+|a|a\s+few)\s+(?:kilometres?|kilometers?|km|blocks?|miles?|streets?|metres?|meters?|minutes?)\s+away)?)",
  # "set up a checkpoint two kilometres past the border post".
  # A vehicle placed for the operation: "a second patrol boat waited on the
  # far side of the reef".
  r"\b((?:an?|the|our|one|two|three|\d)\s+(?:[\p{L}-]+\s+){0,2}?" + VEH + r"\s+(?:waited|was\s+waiting|were\s+waiting|waits|was\s+parked|were\s+parked|stood\s+by|hid|lay|stayed|was\s+posted|were\s+posted|was\s+stationed|were\s+stationed)\s+(?:on|at|in|by|near|behind|outside|off|beyond|across|around|round|under)\s+" + phrase(8) + r")" + TP,
  r"\b((?:set\s+up|sets\s+up|setting\s+up|mounted|established|manned|put\s+up|formed|threw\s+up)\s+(?:an?|the|two|three)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:checkpoints?|roadblocks?|road\s*blocks?|check-?points?|cordons?|observation\s+posts?|perimeter|stake-?out|ambush)\b" + ext(8) + r")" + TP,
  # "in a rented room above the fuel station".
  r"\b((?:in|at|inside|from)\s+(?:an?|the|our)\s+(?:rented|hired|borrowed)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:room|rooms|office|hall|warehouse|garage|compound)\b" + ext(8) + r")" + TP,
  # "at a motel near the airport booked under our investigator's name".
  r"\b((?:at|in)\s+(?:an?|the)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:motel|hotel|guest\s*house|lodge|inn|hostel|apartment|flat|room)\b(?:\s+" + W + r"){0,6}?\s+(?:booked|rented|reserved|registered)\s+(?:under|in)\s+" + phrase(4) + r")" + TP,
  r"\b((?:an?|the)\s+(?:police|army|military|joint|immigration)\s+(?:checkpoint|roadblock|check-point))\b",
  r"\b((?:(?:all|both|the)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:vehicles|cars|vans|teams|officers|units)\s+(?:at|to|in)\s+staging)|(?:the\s+)?[\p{L}\p{N}_-]+\s+(?:station\s+)?staging)\b",
  r"\b(staging\s+(?:area|point|at)\b(?:\s+[\p{L}\p{N}_-]+){0,4})",
]
pats['vehicle'] = [
  r"\b((?:(?:(?:they|we|the\s+(?:team|officers|police|investigators))\s+)?(?:drove\s+up|arrived|came|left|travell?ed|went|used|took|moved)\s+)?(?:(?:in|by|aboard|on|with|using)\s+)?(?:(?:an?|the|our|one|two|three|four|five|\d{1,2}|single|second)\s+)*(?:unmarked|hired|rented|borrowed|tinted|plain|white|black|silver|civilian|private)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\b(?:\s+with\s+tinted\s+windows|\s+with\s+the\s+(?:police\s+|organi[sz]ation(?:'|’)s\s+)?(?:markings|logos|insignia|plates|livery|stickers)\s+(?:taped\s+over|covered(?:\s+up)?|removed|painted\s+over|taken\s+off))?(?:\s+(?:with|and)\s+(?:an?|the|its|their)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:boatm[ae]n|drivers?|skippers?|captains?|guides?|outboards?(?:\s+motors?)?|engines?)){0,2}(?:\s+for\s+(?:the\s+)?(?:[\p{L}\p{N}_-]+\s+)?(?:girls|boys|women|children|survivors|victims|arrests|suspects|investigators|officers|team|crossing|transfer|extraction|evacuation|rescue))?)",
  # A car by its make: "an unmarked Proton", "our rented Hiace", "our grey Camry".
  r"\b((?:(?:an?|the|our|their)\s+)?(?:unmarked|hired|rented|borrowed)\s+(?-i:\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?))",
  # The office's vehicle: "Took the office Probox", "in the project van".
  r"\b((?:took|take|takes|taking|in|into|drove|driving|drive|with)\s+the\s+(?:office|project|team(?:'|’)s|organi[sz]ation(?:'|’)s|programme|program)\s+" + VEH + r")\b",
  # Our own vehicle: "in my Corolla", "driving our grey Hilux", "in her
  # own car" (not the trafficker's "in his car").
  r"\b((?:in|into|with|drove|driving|drive|took|following\s+in|followed\s+in)\s+(?:my|our|(?:his|her|their|my|our)\s+own)\s+(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r"\b)" + TP,
  r"\b((?:our|the\s+team(?:'|’)s)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:Hilux|Hiace|Innova|Camry|Corolla|Land\s+Cruiser|Prado|Pajero|Fortuner|Navara|Sienna|Avanza|Sprinter|Proton|Bolero|Scorpio))\b",
  r"\b((?:(?:we|they|I)\s+)?(?:hired|rented|borrowed|chartered)\s+(?:an?|the|" + NUMR + r")\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\b(?:\s+(?:with|and)\s+(?:an?|the|its|their)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:boatm[ae]n|drivers?|skippers?|captains?|guides?|outboards?(?:\s+motors?)?|engines?)){0,2})",
  r"\b((?:drove|took|brought|driven)\s+(?:her|him|them)\s+to\s+(?:[\p{L}\p{N}_'’-]+\s+){1,4}?in\s+(?:his|her|their|our|my)\s+own\s+(?:car|van|vehicle|truck|taxi|pick-?up))\b",
  # Who drives whom: "Our investigator will collect them in a rented minivan".
  r"\b((?:" + SUBJ + r"\s+(?:will\s+|would\s+|to\s+)?)?(?:collect|collects|collected|pick\s+up|picks\s+up|picked\s+up|drive|drives|drove|take|takes|took|bring|brings|brought|ferry|ferried|transport|transported|move|moved)\s+(?:them|him|her|the\s+[\p{L}\p{N}_-]+)(?:\s+up)?\s+(?:in|by|on|aboard)\s+(?:an?|the|our|two|three)\s+(?:unmarked|hired|rented|borrowed|tinted|police|private|civilian)\s+(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r")\b",
  # Notes: "2 x white Hilux", "1 x police truck for arrests".
  r"\b(\d{1,2}\s*[x×]\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\b(?:\s*\([^)\n]{1,30}\))?(?:\s+for\s+(?:the\s+)?[\p{L}\p{N}_-]+)?)",
  # A vehicle stripped of its marks: "a grey Hilux with no logos".
  r"\b((?:(?:an?|the|our|my|two|three|four|\d{1,2})\s+)?(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"(?:\s+\p{Lu}[\p{L}-]+)?,?\s+(?:with\s+no|without(?:\s+any)?|no)\s+(?:organi[sz]ation\s+|company\s+|NGO\s+)?(?:logos?|markings?|stickers?|number\s+plates|livery|insignia))\b",
  r"\b((?:(?:an?|the|our|my)\s+)?(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r",?\s+the\s+one\s+with\s+(?:the\s+)?(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:tinted|dark|blacked-out)\s+(?:[\p{L}\p{N}_-]+\s+)?windows)\b",
  # Vehicles counted and joined: "two pickups and a minibus for the girls".
  r"\b(" + NUMR + r"\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\s+(?:and|plus|\+)\s+(?:an?|the|our|" + NUMR + r")\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\b(?:\s+(?:pick-?ups?|vans?|minibus(?:es)?|trucks?|bus|buses))?(?:\s+for\s+(?:the\s+)?(?:[\p{L}\p{N}_-]+\s+)?(?:girls|boys|women|children|families|survivors|victims|workers|arrests|suspects|team|officers))?)",
  r"\b((?:in|by|aboard)\s+(?:an?|the|our|" + NUMR + r")\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:police|hired|rented|borrowed|unmarked)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\s+(?:and|plus|\+)\s+(?:an?|the|our|" + NUMR + r")\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\b(?:\s+(?:pick-?ups?|vans?|minibus(?:es)?|trucks?|bus|buses))?(?:\s+for\s+(?:the\s+)?(?:[\p{L}\p{N}_-]+\s+)?(?:girls|boys|women|children|families|survivors|victims|workers|arrests|suspects|team|officers))?)",
  # Several vehicles of one kind: "in three jeeps".
  r"\b((?:in|aboard)\s+(?:two|three|four|five|six|[2-9]|1\d)\s+(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r"(?:\s+(?:without|with\s+no)\s+(?:sirens?|lights|headlights|markings|logos|uniforms|plates))?)\b",
  # "Three motorised canoes borrowed from the fisheries office".
  r"\b(" + NUMR + r"\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\s+(?:borrowed|hired|rented|lent|loaned)\s+from\s+(?:an?|the)\s+" + phrase(5) + r")" + TP,
  # "two police speedboats blocked the berth".
  r"\b((?:" + NUMR + r"|the|our)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?" + VEH + r"\s+(?:blocked|sealed\s+off|sealed|covered|guarded|cut\s+off|closed\s+off)\s+(?:the|both|all|each)\s+" + phrase(4) + r")" + TP,
  # Who travelled how: "Two educators travelled by sept-place taxi".
  r"\b((?:" + NUMR + r"|the|our)\s+(?:[\p{L}-]+\s+){0,2}?" + ROLE + r"\s+(?:travell?ed|went|came|returned|rode|moved|followed|following)\s+(?:by|in|on)\s+(?:an?\s+|the\s+)?(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r")\b",
  # "The workers were moved by bus in a convoy with a police escort".
  r"\b((?:the\s+(?:[\p{L}-]+\s+)?(?:workers|girls|boys|children|families|survivors|women|men|kids)\s+)?(?:were|was|will\s+be)\s+(?:moved|taken|driven|transported|ferried|brought)\s+(?:home\s+|back\s+)?(?:by|in|on)\s+(?:an?\s+|the\s+)?(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r"\b(?:\s+in\s+(?:an?|two|three)\s+convoys?(?:\s+with\s+(?:an?\s+)?(?:police|armed|military)\s+escort)?|\s+with\s+(?:an?\s+)?(?:police|armed|military)\s+escort))",
  r"\b((?:(?:returns?|transfers?|journeys?|the\s+return)\s+(?:were|was|will\s+be)\s+made\s+)?(?:in\s+)?(?:an?|two|three|\d)\s+convoys?\b(?:\s+with\s+(?:an?\s+)?(?:police|armed|military)\s+escort)?|(?:with|under)\s+(?:an?\s+)?(?:police|armed|military)\s+escort)\b",
  r"\b((?:the\s+team|we|they|officers|the\s+officers|the\s+police)\s+(?:had\s+)?(?:driven|drove|travell?ed|flown|flew|walked|sailed)\s+(?:through\s+the\s+night|overnight|all\s+night|for\s+(?:" + NUMR + r")\s+hours))\b",
  r"\b((?:an?|the|our)\s+(?:[\p{L}-]+\s+)?(?:colleague|driver|officer|investigator|staff\s+member)\s+(?:drove|waited|stayed)(?:\s+and\s+(?:stayed|waited))?\s+(?:with|in|by)\s+the\s+(?:vehicle|car|van|truck|boat)\b" + ext(6) + r")" + TP,
  # Convoy order: "police car in front, camry behind".
  r"\b((?:(?:police|our|the|a)\s+)?(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r"\s+(?:in\s+front|ahead|leading|behind|at\s+the\s+(?:back|rear|front))\s*,\s*(?:(?:police|our|the|a)\s+)?(?:[\p{L}\p{N}_-]+\s+)?(?:" + VEH + r"|[\p{L}\p{N}_-]+)\s+(?:in\s+front|ahead|leading|behind|at\s+the\s+(?:back|rear|front)))\b",
  r"\b((?:(?:left|arrived|came|went|travell?ed|set\s+off|returned)\s+(?:by|in|aboard|on)\s+)?(?:(?:an?|the|one|two|three|\d)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?)?(?:police|patrol|marine police|coast guard|navy|fisheries patrol)\s+(?:speedboats?|boats?|vessels?|vans?|jeeps?|pick-?ups?|trucks?|cars?)\b(?:\s+(?:with|carrying)\s+(?:[\p{L}\p{N}_-]+\s+){0,3}?[\p{L}\p{N}_-]+)?)",
  r"\b((?:(?:they|we|the\s+(?:team|officers|police|investigators))\s+(?:arrived|came|left|travell?ed|went|drove|rode)\s+)?(?:in|by|aboard|on)\s+(?:an?|two|three|one|\d)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:jeepneys?|matatus?|danfos?|guaguas?|boda-?bodas?|tuk-?tuks?|three-wheelers?|canoes?|speedboats?|minibus(?:es)?|school bus|pick-?ups?|motorbike\s+taxis?|moto-?taxis?|okadas?|ojeks?|habal-habal|sept-place(?:\s+taxis?)?)\b" + ext(8) + r")" + TP,
  # Vehicles joined: "in an unmarked Toyota Sienna and a borrowed danfo".
  r"\b(" + VEH + r"(?:\s+\p{Lu}[\p{L}-]+)?\s+(?:and|plus|\+|with)\s+(?:an?|the|our|one|two|three|\d)\s+(?:unmarked|hired|rented|borrowed|police)\s+(?:[\p{L}\p{N}_-]+\s+)?" + VEH + r")\b",
  r"\b(\d\s+police\s+vans?\b(?:\s*\+\s*(?:\d\s+)?[\p{L}\p{N}_ ]{1,20})?)",
  r"\b((?:vehicles?|transport)\s*:\s*[^\n.;]{3,200})",
  r"\b(on\s+(?:boda-?bodas?|motorcycles?)\s+at\b(?:\s+[\p{L}\p{N}_-]+){0,5})",
]
pats['channel'] = [
  # How a survivor or an informant reached the team: a live location or
  # a location pin, a satellite phone, an HF radio net, a code word.
  r"\b((?:(?:share|shares|shared|sharing|send|sends|sent|drop|dropped|dropping)\s+(?:a\s+|her\s+|his\s+|their\s+|my\s+|the\s+)?)?(?:live\s+location|location\s+pins?))\b",
  r"\b((?:satellite|sat)\s+phones?|HF\s+radio(?:\s+net)?|radio\s+net)\b",
  r"\b(code\s*words?)\b",
  # A radio net's channel, a place marked on GPS: "Radio on channel 7",
  # "We marked it on GPS", "the GPS pin of the hut".
  r"\b((?:radios?\s+(?:on\s+)?)?channel\s+\d{1,3}(?:\s+on\s+the\s+radios?)?)\b",
  r"\b((?:marked|logged|saved|dropped)\s+(?:it|them|the\s+[\p{L}-]+)\s+on\s+(?:the\s+)?GPS|GPS\s+(?:pins?|points?|coordinates|fix)(?:\s+of\s+(?:the|a|their)\s+[\p{L}-]+)?)\b",
  # A check-in routine: "checking in on her by Signal every evening", "he
  # checks in every evening with one emoji".
  r"\b((?:check(?:s|ed|ing)?\s+in|checks?-ins?)\b(?:\s+" + W + r"){0,4}?\s+(?:by|on|via|over|through|with)\s+(?:(?:an?|one|two|the|a\s+single)\s+)?(?:WhatsApp|Telegram|(?-i:Signal)|Viber|Messenger|Zalo|(?-i:LINE)|WeChat|SMS|texts?|emojis?|(?:missed\s+)?calls?|voice\s+notes?|radio|satellite\s+phone)\b" + ext(4) + r")" + TP,
  r"\b((?:(?:[\p{L}-]+\s+){0,3}(?:(?:stay|stays|stayed|staying|keep|keeps|kept|keeping)\s+in\s+(?:touch|contact)|coordinated|coordinating|coordination|communicated|communication|comms|reached\s+out\s+to\s+us)\s+(?:was\s+|is\s+)?(?:only\s+)?(?:through|via|on|over|in|using)\s+(?:an?|the|our|their)\s+)?(?:(?:an?|the|our|their)\s+(?:encrypted\s+|private\s+|secret\s+)?)?(?:(?:the\s+)?(?:team|hotline|office|police)(?:'|’)s\s+(?:WhatsApp|Telegram|Signal|Viber|LINE|Zalo|WeChat)(?:\s+Business)?\s+(?:account|number|line)|(?:[\"“][^\"”\n]{1,40}[\"”]\s+)?(?:(?:the\s+)?(?:team|hotline|office|police)(?:'|’)s\s+)?(?:WhatsApp|Telegram|Signal|Viber|LINE|Messenger|WeChat|Facebook|Zalo|KakaoTalk|IMO)\s+(?:group|chat|channel|thread|call)\b(?:\s+(?:called|named))?(?:\s+[\"“][^\"”\n]{1,40}[\"”])?(?:\s+(?:shared\s+by|shared\s+with|with|of)\s+" + phrase(6) + r"|\s+(?:that\s+)?(?:the|our|a)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:police|team|officers|men|workers|commissaire|leader|we)\s+(?:had\s+)?(?:set\s+up|created|made|started|opened)" + ext(4) + r")?))" + TPUNCT,
  r"\b((?:hotline|helpline|tip\s+line|number|account)\s+on\s+(?:WhatsApp|Telegram|(?-i:Signal)|Viber|(?-i:LINE)|WeChat|Zalo))\b",
  r"\b((?:via|through|over)\s+(?:a|an|the)?\s*(?:WhatsApp|Telegram|(?-i:Signal)|Viber|(?-i:LINE)|WeChat|Zalo|satellite)\b(?:\s+(?:group|message|messenger|call|phone))?(?:\s+from\s+(?:an?|the|our)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:organi[sz]ation|partner|NGO|church|officer|contact|colleague|team|hotline|lawyer))?)",
  # A signal sent, not any message: "sent a one-word text message", "texted
  # a single emoji to confirm".
  r"\b((?:sent|send|sends|texted|messaged|gave)\s+(?:a|the|an)\s+(?:(?:one-word|single|coded|pre-arranged|agreed|blank|short|prearranged)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:text|message|signal|code\s*word|word|emoji|call)|(?:signal|code\s*word|emoji|missed\s+call|thumbs-up))\b" + ext(6) + r")" + TP,
  r"\b(signal\s*:\s*[^\n.;]{3,60})",
  # Code words: go word "water is hot", abort "no sugar".
  r"\b((?:(?:go|abort|code|safe|danger|distress|panic|stop|all[- ]clear|duress)[- ]?(?:words?|signals?|phrases?|signs?)|abort)\s*(?:is|was|will\s+be|:|=|-)?\s*[\"“‘][^\"”’\n]{1,30}[\"”’])",
  # Signals: "two minutes later, flashed his phone torch twice from the window".
  r"\b((?:" + NUMR + r"\s+(?:minutes?|seconds?)\s+later,?\s+)?(?:flash|flashes|flashed|flashing|blink|blinks|blinked|blinking|switched\s+on|turned\s+on|honked|sounded)\s+(?:his|her|their|the|a|its|my|our)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:torch|torchlight|lights?|headlights|flashlight|lamp|horn)\b" + ext(6) + r")" + TP,
  # "disappearing msgs set to 1 hr".
  r"\b((?:disappearing|self-destructing|vanishing|ephemeral)\s+(?:messages|msgs|chats?)\b(?:\s+(?:set\s+to|on|after|of)\s+(?:\d+|one|an?)\s*(?:hrs?|hours?|mins?|minutes?|days?|weeks?|seconds?)\b)?)",
  r"\b((?:used\s+)?(?:an?\s+)?(?:borrowed|borrow|borrowing)\s+(?:(?:a|the|her|his|someone's)\s+)?(?:phone|mobile)\b(?:\s+[\p{L}\p{N}_-]+){0,4})",
  r"\b((?:comms|communications)\s+on\s+the\s+day)\b",
  r"\b((?:communications?|comms|coordination)\s+(?:during|on|for)\s+the\s+(?:raid|operation|rescue|day|night)\s+(?:was|were|went)\s+" + phrase(8) + r")" + TP,
  r"\b((?:by|via|over|on)\s+(?:two-way\s+|handheld\s+|police\s+)?radios?(?:\s+on\s+(?:an?|the)\s+(?:dedicated|encrypted|secure|private|separate)\s+(?:channel|frequency))?)\b",
  r"\b((?:an?|the)\s+(?:dedicated|encrypted|secure|private|separate)\s+(?:radio\s+)?(?:channel|frequency))\b",
  r"\b((?:radio\s+)?call[- ]?signs?)\b",
  r"\b((?:an?|the)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:phone|mobile|handset|SIM)\s+with\s+only\s+(?:one|a\s+single|two)\s+(?:numbers?|contacts?)" + ext(6) + r")" + TP,
  r"\b((?:(?:backup|comms|communications?)\s+)?(?:on|via|over)\s+(?:VHF|UHF|HF|CB)(?:\s+radio)?(?:\s+channel\s+\d+)?)",
  # "kept contact with two men inside the kiln through a single phone they shared".
  r"\b((?:" + SUBJX + r")?kept\s+in\s+(?:contact|touch)\s+with\s+" + phrase(6) + r"\s+(?:through|via|by|on|using)\s+" + phrase(6) + r")" + TP,
  r"\b((?:" + SUBJX + r")?(?:kept|keep|keeps|keeping)\s+contact\s+with\s+" + phrase(6) + r"\s+(?:through|via|by|on|using)\s+" + phrase(6) + r")" + TP,
  r"\b((?:an?|the)\s+(?:encrypted|secure|private)\s+(?:messaging\s+)?(?:app|application|chat|messenger)\b" + ext(8) + r")" + TP,
  # "The agreed signal was a missed call", "Signal was two flashes of the headlights".
  r"\b((?:(?:the|our)\s+)?(?:agreed|pre-?arranged|prearranged|planned|go|abort)\s+(?:signal|code\s*word|password)\s+(?:was|is|would\s+be|will\s+be)\s+" + phrase(12) + r")" + TPUNCT,
  r"\b((?:(?:the|our)\s+)?(?:signal|code\s*word|password)\s+(?:was|is|would\s+be|will\s+be)\s+(?:an?\s+|one\s+|two\s+|three\s+)?(?:missed\s+call|flash(?:es)?|text|call|knock|knocks|whistle|wave|blink|torch|lights?|word|emoji|ring|message)\b" + ext(10) + r")" + TPUNCT,
  r"\b((?:the\s+)?(?:group|chat|messages|thread)\s+(?:will\s+be|was|were|is|are|gets|get)\s+(?:archived|deleted|wiped|cleared)\b" + ext(6) + r")" + TP,
  r"\b((?:the|a|our|my)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:Nokia|phone|handset|SIM|mobile)\b,?\s+the\s+one\s+(?:we|I)\s+(?:keep|use|kept|used)\s+(?:only\s+)?for\s+[\p{L}\p{N}_-]+)",
  r"\b(our\s+(?:[\p{L}\p{N}_-]+\s+)?(?:monitor|investigator|driver|officer|colleague|caseworker)\s+(?:called|phoned|rang|alerted|texted|messaged)\s+our\s+(?:[\p{L}\p{N}_-]+\s+)?(?:counsell?or|team|office|investigator|lawyer|caseworker|social\s+worker|colleague))\b",
  # Phones kept for the work: "the duty phone", "from the office landline".
  r"\b((?:the|a|our|my)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:duty|burner|spare|work|office|operation|operations|pickup|dedicated)\s+(?:phone|mobile|SIM|landline|handset|Nokia)s?\b" + ext(6) + r")" + TP,
  r"\b((?:contact\s+with\s+[\p{L}\p{N}_'’-]+\s+)?(?:only\s+)?(?:via|through|over)\s+(?-i:Signal|Telegram|WhatsApp|Zalo|Viber|LINE)(?:\s+(?:only|group|chat|call|messages?))?)\b",
  r"\b(flashes\s+of\s+(?:the\s+)?headlights)\b",
  # Word sent to the team during the operation: "texted the team leader
  # that three girls were upstairs", "sent a message to the police every
  # time it stopped".
  r"\b((?:texted|messaged|signall?ed|radioed|called|phoned|rang|alerted|told|whatsapped)\s+(?:the|our)\s+(?:team\s+lead(?:er)?|commander|officer\s+in\s+charge|arrest\s+team|back-?up\s+team|entry\s+team|raid\s+team|other\s+team)\b(?:\s+that\s+" + phrase(12) + r")?)" + TPUNCT,
  r"\b((?:(?:and|then)\s+)?(?:sent|texted|sends|send)\s+(?:a\s+)?(?:message|text|update|word|signal)s?\s+to\s+(?:the\s+)?(?:police|team|officers|investigators?)\s+(?:every\s+time|each\s+time|whenever|when|as\s+soon\s+as|once)\s+" + phrase(8) + r")" + TPUNCT,
  # A code word and what it was: "I said the code word we had agreed over
  # voice note, \"buna\"".
  r"\b((?:(?:I|we|he|she|they)\s+(?:said|says|say|used|gave|texted|sent)\s+)?(?:the|a|our|their|my)\s+(?:agreed\s+|secret\s+)?(?:code\s*word|password|safe\s*word)\b(?:\s+" + W + r"){0,8}?,?\s*[\"“‘][^\"”’\n]{1,30}[\"”’])",
  # A silent signal: "keep her phone on silent and send a single dot when
  # the employer went out".
  r"\b((?:(?:keep|kept|keeps|put|set)\s+(?:her|his|their|the|my|our)\s+phones?\s+on\s+(?:silent|vibrate)\s+and\s+)?(?:send|sends|sent|text|texts|texted|give|gives|gave)\s+(?:us\s+|me\s+)?(?:an?|one|the)\s+(?:single\s+|one-letter\s+|blank\s+)?(?:dot|full\s+stop|letter|emoji|thumbs-?up|missed\s+call|blank\s+(?:message|text))\s+(?:when|once|if|as\s+soon\s+as|to\s+(?:say|show|confirm|signal))\s+" + phrase(10) + r")" + TEND,
]
pats['timing'] = [
  # "timed to reach the camp while the nets were being hauled in".
  r"\b(timed\s+(?:to|for|so)\s+(?:" + W + r"\s+){0,14}?" + W + r")" + TPUNCT,
  r"\b(at\s+the\s+(?:morning|evening|night|afternoon)\s+shift\s+change)\b",
  r"\b((?:the|our)\s+plan\s+(?:was|is)\s+(?:for\s+[\p{L}\p{N}_]+\s+)?to\s+" + phrase(12) + r")" + TPUNCT,
  # "before the morning muster, so every worker would still be in the lines".
  r"\b((?:before|after|when|while)\s+the\s+" + phrase(6) + r",?\s+so\s+(?:that\s+)?(?:all|every|everyone|everybody|nobody|no\s+one)\b" + ext(10) + r")" + TPUNCT,
  r"\b((?:the\s+)?(?:rescue|raid|operation|entry|intervention)\s+(?:took\s+place|happened|was\s+carried\s+out|began|started)\s+(?:during|at|in|on)\s+the\s+" + phrase(5) + r")" + TP,
  r"\b(at\s+(?:low|high)\s+tide)\b",
  r"\b((?:the\s+)?(?:raid|operation|rescue|entry)\s+(?:was|had\s+to\s+be)\s+(?:delayed|postponed|brought\s+forward|moved|called\s+off|aborted|put\s+off)\b" + ext(12) + r")" + TPUNCT,
  r"\b((?:arrived|went\s+in|came|struck|entered|raided)\s+(?:unannounced\s+)?(?:during|at)\s+the\s+(?:night|day|morning|evening|late|early|first|second)\s+shift)\b",
  # Dawn as the hour of a move, not of a day's work: "Land Cruisers that left
  # Soubré before dawn" (but "paddled before sunrise" is the victims' day).
  r"\b(?:left|set\s+off|departed|arrived|moved\s+in|went\s+in|started|began|struck|entered|raided|launched|assembled|gathered)\b(?:\s+[\p{L}\p{N}'’-]+){0,4}?\s+(before\s+(?:dawn|first\s+light|sunrise)|at\s+(?:first\s+light|dawn|daybreak))\b",
  r"\b(before\s+the\s+(?:morning|evening|night|first|dawn|daily)\s+(?:muster|roll\s*call|shift|prayers?|count|headcount|assembly))\b",
  r"\b((?:the\s+)?(?:raid|operation|rescue|entry|intervention|op)\s+(?:was|is|will\s+be|had\s+been)\s+(?:scheduled|planned|set|timed|fixed)\s+for)\s+(?:\d|dawn|first\s+light|midnight|early|the\s+early|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
  r"\b((?:when|as|while|before|after)\s+the\s+(?:guards?|night\s+guards?|watchm[ae]n|shifts?)\s+(?:changed|change|changes|swapped|rotated)(?:\s+shifts?)?)\b",
  r"\b(at\s+the\s+same\s+(?:moment|time))\b",
  # The hour of the move by what happens then: "Go in at first prayer,
  # when the boys are all inside".
  r"\b((?:go|goes|went|going|move|moves|moved|enter|entered|strike|struck)\s+in\s+(?:at|during|after|before)\s+(?:the\s+)?(?:first|dawn|morning|evening|night|noon|midday|afternoon|last|fajr|maghrib|isha)\s+(?:prayers?|call\s+to\s+prayer|shift(?:\s+change)?|light|muster|roll\s*call|headcount)\b(?:,?\s+when\s+" + phrase(10) + r")?)" + TEND,
  # "The signal to go in was a single missed call from the undercover
  # investigator to the team leader".
  r"\b((?:the\s+|our\s+)?(?:signal|code\s*word|go-?ahead)\s+(?:to|for)\s+(?:go\s+in|move(?:\s+in)?|enter|start|strike|raid|begin|act|come\s+in|leave|abort|pull\s+out)\s+(?:was|is|would\s+be|will\s+be)\s+" + phrase(14) + r")" + TPUNCT,
  # Searches at once: "simultaneous searches at seven addresses", "entered
  # addresses simultaneously".
  r"\b(simultaneous(?:ly)?\s+(?:searches|raids|warrants|arrests|entries|operations|interventions|inspections)\s+(?:at|in|on|of)\s+(?:" + NUMR + r"|several|multiple)\s+(?:[\p{L}-]+\s+)?(?:addresses|locations|sites|houses|premises|venues|properties|homes|flats|apartments|bars|brothels|kilns|farms)\b" + ext(8) + r")" + TP,
  r"\b((?:entered|raided|searched|hit|stormed)\s+(?:" + NUMR + r"\s+|the\s+|all\s+(?:the\s+)?)?(?:[\p{L}-]+\s+)?(?:addresses|locations|sites|houses|premises|venues|properties|homes|flats|apartments|bars|brothels)\s+(?:simultaneously|at\s+once|at\s+the\s+same\s+time))\b",
  # How often the venue was visited: "3 evidence visits", "on three
  # different nights", "he visited seven workshops".
  r"\b(" + NUMR + r"\s+(?:more\s+)?(?:evidence|undercover|pretext|site|follow-up|surveillance|covert|reconnaissance|recce|scouting)\s+(?:visits|trips)|" + NUMR + r"\s+visits\s+(?:across|to)\s+(?:the\s+)?(?:" + NUMR + r"\s+)?(?:venues|bars|sites|kilns|brothels|spas|parlou?rs|clubs|farms|factories|workshops|houses|premises))\b",
  r"\b((?:(?:went|came|returned|go|going)\s+(?:back\s+|in\s+)?)?on\s+(?:two|three|four|five|six|seven|several|[2-9])\s+(?:different|separate|consecutive|successive|more)\s+(?:nights|evenings|visits))\b",
  r"\b((?:(?:he|she|they|we|I)\s+)?visited\s+(?:" + NUMR + r")\s+(?:different\s+|more\s+)?(?:workshops|kilns|venues|bars|brothels|farms|factories|massage\s+parlou?rs|spas|karaoke\s+bars|KTVs?|boats|camps|mills|quarries|plantations|sites|clubs|lodges|guesthouses)\b)",
]
pats['security'] = [
  r"\b(so\s+(?:that\s+)?(?:it|we|they|he|she|the\s+[\p{L}\p{N}_]+)\s+(?:would|could|did|does|do|will)\s*(?:not|n't|n’t)\s+(?:stand\s+out|be\s+noticed|be\s+recogni[sz]ed|be\s+seen|attract\s+attention|draw\s+attention|look\s+out\s+of\s+place)" + ext(6) + r")" + TPUNCT,
  r"\b((?:kept|keep|keeps|keeping)\s+(?:the\s+)?(?:names?|identities|addresses|details|locations?)\s+(?:of\s+(?:the\s+)?[\p{L}\p{N}_-]+\s+)?(?:off|out\s+of|secret|confidential|hidden)" + ext(6) + r")" + TP,
  r"\b((?:the\s+)?(?:safe\s*house|shelter|target|destination|raid)\s*(?:address|location|date|time)?\s+(?:is\s+|was\s+|are\s+|were\s+)?known\s+(?:only\s+)?to\s+" + phrase(5) + r")" + TP,
  # "so the neighbours don't connect us", "so that nobody can follow a relative".
  r"\b(so\s+(?:that\s+)?(?:the\s+neighbou?rs|neighbou?rs|nobody|no\s+one|the\s+traffickers?|the\s+suspects?|the\s+owners?|the\s+recruiters?)\s+(?:can(?:not|'t|’t)?|could(?:n't|n’t|\s+not)?|would(?:n't|n’t|\s+not)?|won't|won’t|don't|don’t|doesn't|doesn’t|didn't|didn’t|did\s+not|do\s+not)\s+(?:connect|see|notice|recogni[sz]e|follow|know|find|link|trace|suspect)\b" + ext(8) + r")" + TPUNCT,
  r"\b(no\s+uniforms\b" + ext(4) + r")" + TP,
  # Who knew, and who was not told: "Only the magistrate and the station
  # house officer knew the destination".
  r"\b((?:only|nobody|no\s+one|none\s+of)\s+(?:[\p{L}-]+\s+){0,8}?(?:(?:knew|know)\s+(?:(?:the|its|our)\s+)?(?:destination|target|address|location|plan|date|day|time|timing|details|route|where|when)|was\s+told|were\s+told|had\s+been\s+(?:warned|told|informed))\b" + ext(8) + r")" + TP,
  r"\b((?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:police|officers|staff|team|families)\s+(?:were|was)\s+not\s+(?:told|informed|warned)\s+until\s+" + phrase(8) + r")" + TPUNCT,
  r"\b((?:all\s+)?(?:phones|mobiles|mobile\s+phones)\s+(?:were|was|are|had\s+to\s+be|must\s+be)\s+(?:switched\s+off|turned\s+off|collected|handed\s+in|left\s+behind)\b" + ext(8) + r")" + TP,
  # Phones taken away: "officers handed their personal phones to a constable".
  r"\b((?:[\p{L}-]+\s+)?(?:handed|surrendered|gave\s+up|switched\s+off|turned\s+off|left|collected)\s+(?:their|all|our|his|her|the)\s+(?:personal\s+|own\s+)?(?:phones|mobiles|handsets|mobile\s+phones)\b" + ext(8) + r")" + TP,
  # A route chosen not to be seen: "Took the canal road instead of the main
  # road so the munim's boys at the dhaba would not see us", "so as not to
  # pass the police post at the estate gate".
  r"\b((?:took|take|takes|taking|used|use|chose|choose|followed|drove\s+(?:along|down|up|round))\s+(?:the|a)\s+(?:[\p{L}-]+\s+){0,2}?(?:road|route|lane|path|track|way|bypass|back\s+roads?)\s+(?:instead\s+of|rather\s+than|to\s+avoid|so\s+as\s+not\s+to|so\s+(?:that\s+)?(?:nobody|no\s+one|they|the\s+[\p{L}'’-]+))\b" + ext(14) + r")" + TPUNCT,
  r"\b(so\s+as\s+not\s+to\s+(?:pass|go\s+past|drive\s+past|be\s+seen\s+by|run\s+into|meet|cross)\b" + ext(8) + r")" + TPUNCT,
]
# The value of a labelled field runs to the end of its line but stops at a
# capital or a clock time, which are findings of their own (a name, a
# place, a time) and would cut it into stray words; counts ("3 days",
# "2 x") are kept.
NOTEVAL = r"(?-i:(?:\p{Ll}|\p{N}+[ ,x+])(?:[^\n\p{Lu}\p{N}]|\p{N}+(?:[ ,x+]|$)){2,160})"
pats['notes'] = [
  r"(?m)^[ \t]*(?:[-*•+]\s+)?\**((?:team\s+(?-i:[A-Z1-9])|vehicles?|transport|entry|exit|exfil|extraction(?:\s+route)?|escape\s+route|route|comms|communications?|(?:go\s+|abort\s+)?signal|code\s*words?|surveillance|observation|backup|back-up|standby|staging(?:\s+area)?|RV|rendezvous|briefing|meeting\s+point|cover(?:\s+story)?|UC|undercover|informant|source|safe\s*house|evidence|equipment|kit|timing|H-hour|arrest\s+team|aftercare|placement)\**\s*[:=]\s*\**\s*" + NOTEVAL + r")",
]
pats['shelter-arrangement'] = [
  # What keeps a shelter hidden, and where it is: "a temporary shelter whose
  # address we never publish", "the shelter ... behind the district hospital".
  r"\b((?:an?|the|our)\s+(?:[\p{L}\p{N}_'’-]+\s+){0,3}?(?:shelter|home|refuge|safe\s?house|facility|hostel)\b(?:\s+[\p{L}\p{N}_'’-]+){0,3}?,?\s+(?:whose\s+(?:address|location)|which\s+(?:keeps|moves|changes)|that\s+(?:keeps|moves|changes))\b" + ext(10) + r")" + TPUNCT,
  r"\b((?:shelter|safe\s?house|refuge)\b(?:\s+[\p{L}\p{N}_'’-]+){0,5}?\s+(?:behind|next\s+to|opposite|beside|above)\s+the\s+(?:[\p{L}\p{N}_-]+\s+)?(?:hospital|school|church|mosque|market|station|police\s+station|court|temple))\b",
  r"\b((?:an?|the|our|their)\s+(?:[\p{L}\p{N}_'-]+\s+){0,2}?(?:shelter|safe\s?house|refuge|halfway\s+house|home)\s+(?:run|managed|operated|kept)\s+by\s+(?:an?\s+|the\s+)?(?:[\p{L}\p{N}_'-]+\s+){0,2}?(?:sisters|nuns|brothers|priests?|pastors?|monks|church|mosque|temple|convent|parish|mission|family|couple|woman|man))\b",
  r"\b((?:an?|the)\s+(?:church|mosque|temple|convent|parish|mission|school)\s+(?:shelter|safe\s?house|refuge)(?:\s+(?:in|at|behind|next\s+to|near)\s+(?:an?|the)\s+(?:former|old|converted|disused)\s+[\p{L}\p{N}_-]+)?)",
  # "a church-run shelter for girls".
  r"\b((?:an?|the)\s+(?:church|faith|mission|convent|parish|mosque|temple|nun|family)[- ](?:run|based|owned|managed)\s+(?:[\p{L}\p{N}_-]+\s+)?(?:shelter|safe\s?house|refuge|home|hostel)(?:\s+for\s+(?:girls|boys|women|children|minors|survivors|young\s+[\p{L}\p{N}_]+))?)\b",
  r"\b((?:an?|the)\s+(?:shelter|safe\s?house|refuge|home)\s+(?:in|at|behind|next\s+to|near)\s+(?:an?|the)\s+(?:former|old|converted|disused)\s+[\p{L}\p{N}_-]+)",
]
pats['placement'] = [
  # "boys will be taken the same day to a partner shelter".
  r"\b((?:(?:the\s+)?(?:boys|girls|women|children|survivors|victims|minors|kids|they|she|he)\s+)?(?:(?:will|would|are\s+to|shall)\s+be\s+(?:taken|moved|transferred|brought|driven|placed|escorted|flown)(?:\s+" + W + r"){0,4}?|(?:was|were|are|is)\s+(?:taken|moved|transferred|brought|driven|escorted)\s+(?:the\s+same\s+(?:day|night)|that\s+(?:same\s+)?(?:day|night)|straight|directly|immediately))\s+to\s+(?:an?|the|our)\s+(?:[\p{L}\p{N}_-]+\s+){0,2}?(?:shelter|safe\s?house|refuge|hostel)\b)",
  # "We arranged for the families to stay at a guest house rented by our partner".
  r"\b((?:arranged|arrange|arranges|arranging)\s+for\s+(?:the\s+)?(?:[\p{L}\p{N}_-]+\s+)?[\p{L}\p{N}_-]+\s+to\s+(?:stay|sleep|live|be\s+housed|be\s+kept)\s+(?:at|in|with)\s+" + phrase(10) + r")" + TP,
  r"\b((?:was|were)\s+(?:moved|taken|sent)\s+to\s+(?:[\p{L}\p{N}_'’-]+\s+){1,5}?(?:the\s+(?:night|day|evening|morning)\s+before|that\s+(?:same\s+)?(?:night|evening)|the\s+same\s+(?:day|night)|before\s+dawn)\b)",
  # Beds held for survivors: "where we rent twenty beds under a six-month
  # agreement", "Bed space reserved at Bahay Tala for up to 4 kids".
  r"\b((?:where\s+)?(?:we|the\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s+(?:hold|holds|rent|rents|reserve|reserves|keep|keeps|have|has|pay\s+for|pays\s+for)\s+(?:a\s+standing\s+arrangement\s+for\s+)?(?:up\s+to\s+)?(?:" + NUMR + r")\s+beds\b" + ext(8) + r")" + TP,
  r"\b((?:bed\s+space|beds|places|rooms)\s+(?:is\s+|are\s+|were\s+|was\s+)?(?:reserved|booked|held|kept)\s+(?:at|in|with|for)\s+" + phrase(8) + r")" + TP,
  # "Eight older boys were placed with three host families".
  r"\b((?:(?:" + NUMR + r"|the)\s+(?:[\p{L}-]+\s+)?(?:boys|girls|children|survivors|women|kids)\s+)?(?:were|was|are|will\s+be)\s+placed\s+with\s+(?:" + NUMR + r"\s+|a\s+)?(?:host|foster|kinship)\s+famil(?:y|ies))\b",
  # "The families spent their first two nights in a rented wedding hall".
  r"\b((?:the\s+(?:[\p{L}-]+\s+)?(?:families|children|boys|girls|survivors|women|men|workers)\s+)?spent\s+(?:their|her|his|the)\s+first\s+(?:" + NUMR + r"|few)\s+(?:nights?|days?|weeks?|months?)\s+(?:at|in)\s+" + phrase(6) + r")" + TP,
  # "The four boys go directly to St. Gabriel's Children's Shelter".
  r"\b((?:(?:the\s+)?(?:" + NUMR + r"\s+)?(?:boys|girls|children|survivors|women|kids)\s+)?(?:go|goes|went|will\s+go|were\s+taken|are\s+taken|will\s+be\s+taken)\s+(?:directly|straight|immediately)\s+to\s+(?:[\p{L}\p{N}_'’.-]+\s+){0,5}?(?:shelter|home|refuge|safe\s?house|centre|center|hostel))\b",
  r"\b(placed\s+(?:in|with)\s+(?:emergency|temporary)\s+(?:foster\s+care|foster\s+famil(?:y|ies)|accommodation|shelter|care)(?:\s+(?:that|the\s+same)\s+(?:evening|night|day))?)\b",
  r"\b((?:were|was|are|will\s+be)\s+(?:housed|lodged|put\s+up|kept|accommodated)\s+(?:in|at)\s+(?:an?|the)\s+(?:rented|hired|borrowed|safe|secure|temporary)\s+" + phrase(4) + r")" + TP,
  # "Family visits happen away from the shelter".
  r"\b((?:family\s+|parents(?:'|’)?\s+|relatives(?:'|’)?\s+)?visits\s+(?:happen|take\s+place|are\s+held|are\s+arranged|occur)\s+(?:away\s+from|outside)\s+(?:the|our)\s+(?:shelter|home|house|safe\s?house))\b",
]
# Reports that reached the organisation, by the channel they came through:
# "His sister messaged our Facebook page", "called our toll-free line",
# "contacted the organisation's anonymous tip line", "rang our field office".
# A hotline anyone may own; an office, page or inbox only when it is ours.
TIPV = r"(?:called|rang|phoned|messaged|texted|contacted|e-?mailed|wrote\s+to|reached|alerted|DMed|dialled|dialed|(?:sent|left)\s+(?:a\s+)?(?:message|voice\s+note|voice\s+message|text)\s+(?:to|on))"
TIPLINE = r"(?:hotline|helpline|help\s+line|tip\s*line|tip-line|toll-free\s+(?:line|number)|freephone(?:\s+line)?|emergency\s+line|crisis\s+line|reporting\s+line)"
TIPOURS = r"(?:(?:field\s+|regional\s+|local\s+|district\s+|country\s+)?office|(?:Facebook|Instagram|TikTok)\s+(?:page|inbox|account)|page|inbox|WhatsApp\s+(?:line|number))"
TIPOWN = r"(?:(?:our|the|a|an)\s+(?:(?:organi[sz]ation|charity|partner|programme|program|NGO|team)(?:'|’)s?\s+)?|(?:our\s+partner(?:'|’)?s?|the\s+partner(?:'|’)?s?)\s+)"
TIPSUBJ = r"(?:(?:(?:an?|the|her|his|their|my|one)\s+(?:[\p{L}*'’-]+\s+){0,3}?|(?:he|she|they|I|someone|somebody)\s+)(?:had\s+|then\s+|later\s+|finally\s+|first\s+)?)?"
pats['tip-channel'] = [
  # Passed on through a messaging app: "forwarded it to me on Signal",
  # "The men were told through a cousin's Telegram account". Only passing
  # on, or a message to us or the police: a recruiter also "sent her
  # messages on WhatsApp".
  r"\b((?:(?:forwarded|relayed|passed\s+on|passed)\b(?:\s+" + W + r"){0,6}?|(?:sent|messaged|texted|called|phoned|rang|reached|told)(?:\s+(?:it|them|the\s+[\p{L}-]+|a\s+[\p{L}-]+|(?:an?\s+)?(?:voice\s+note|message|photo|pin|screenshot)s?))?\s+(?:to\s+)?(?:me|us|our\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+|the\s+(?:[\p{L}-]+\s+){0,3}?(?:officer|investigator|police|team|caseworker|counsell?or|team\s+leader|hotline|prosecutor|lawyer))|(?:was|were)\s+told)\s+(?:on|over|via|through|by)\s+(?:(?:an?|the|our|their|his|her|my)\s+)?(?:[\p{L}'’-]+(?:'|’)s?\s+)?(?:(?:private|encrypted|secret|team|group)\s+)?(?-i:Signal|Telegram|WhatsApp|Viber|Messenger|Facebook|Zalo|WeChat|LINE|IMO|Instagram|Skype)\b(?:\s+(?:account|group|chat|message|call|number|line|channel|voice\s+note))?)",
  r"\b(" + TIPSUBJ + TIPV + r"\s+(?:" + TIPOWN + r"(?:[\p{L}-]+\s+){0,2}?" + TIPLINE + r"|our\s+(?:[\p{L}'’-]+\s+){0,2}?" + TIPOURS + r")\b(?:\s+(?:after|when|once|about|because|to\s+(?:say|report|tell))\s+" + phrase(10) + r")?)" + TSRC0,
]
# The team's own vehicles, by whose they are, their make or their colour.
# A car by make and a capitalised model: "Hyundai Accent", "Opel Astra",
# "Lexus RX", "Volvo FH" (a lorry's tractor unit).
MAKE = r"(?:Hyundai|Kia|Opel|Vauxhall|Honda|Mazda|Peugeot|Renault|Dacia|Volkswagen|VW|Chevrolet|Daihatsu|Lada|Fiat|Subaru|Mercedes(?:-Benz)?|Nissan|Mitsubishi|Suzuki|Ford|Isuzu|Mahindra|Tata|Toyota|Škoda|Skoda|Citroën|Citroen|Hino|Foton|JAC|Lexus|BMW|Audi|Volvo|Jeep|Chrysler|GMC|Chevy|Cadillac|Buick|Tesla|Infiniti|Acura|Porsche|Land\s+Rover|Range\s+Rover|Jaguar|Proton|Geely|BYD|Chery|Haval|Scania|Iveco|DAF|Holden|Alfa\s+Romeo|Great\s+Wall|Maruti(?:\s+Suzuki)?)\s+(?-i:\p{Lu})[\p{L}\p{N}-]*"
# Models and kinds that name a vehicle in the plural too: "Two Boleros plus
# a hired tempo".
VEHX = r"(?:" + MAKE + r"|" + VEH + r"|Boleros|tempos?|chapas?|longtails?|long-tail\s+boats?|bakkies?|bajaj|qingqis?)"
VEHTAIL = r"(?:\s+(?:cars?|vans?|jeeps?|pick-?ups?|trucks?|minibus(?:es)?|chapas?|taxis?|boats?|buses))?"
COLOUR = r"(?:grey|gray|white|black|silver|blue|red|green|yellow|brown|maroon|beige|cream|orange|dark|navy)"
TEAMSUBJ = r"(?:(?:they|we|I|officers|police|investigators|the\s+(?:[\p{L}-]+\s+)?(?:team|officers|police|investigators)|(?:" + NUMR + r"|two\s+of\s+(?:us|our\s+[\p{L}-]+)|one\s+of\s+(?:us|our\s+[\p{L}-]+))(?:\s+[\p{L}-]+){0,2}?\s+" + ROLE + r"(?:\s+in\s+plain\s+clothes)?)\s+(?:had\s+|would\s+|will\s+|then\s+)?)"
pats['team-vehicle'] = [
  # "our grey Hyundai Accent", "Our night outreach van stopped at her spot",
  # "the team's Land Cruiser".
  r"\b((?:our|the\s+team(?:'|’)s|the\s+organi[sz]ation(?:'|’)s|our\s+partner(?:'|’)s)\s+(?:(?-i:[\p{Ll}\p{N}])[\p{L}\p{N}-]*\s+){0,3}?" + VEHX + VEHTAIL + r"\b(?:\s+(?:stopped|collected|picked\s+up|waited|parked|drove|followed|fetched|pulled\s+up))?)",
  # "a grey taxi driven by our volunteer driver", "a longtail boat arranged
  # by a Karen driver".
  r"\b((?:an?|the|one|two|three|\d)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?" + VEHX + VEHTAIL + r"\s+(?:driven|arranged|hired|rented|lent|loaned|provided|borrowed|sent)\s+by\s+(?:an?|the|our)\s+" + phrase(4) + r")" + TP,
  # The team in a vehicle of a colour or make: "officers waited in a grey
  # Opel Astra", "two police officers in plain clothes came in a yellow
  # taxi", "They drove north in three unmarked Toyota Probox cars".
  r"\b(" + TEAMSUBJ + r"(?:drove|drive|drives|waited|wait|waits|sat|came|come|went|go|goes|travell?ed|arrived|arriving|rode|followed|following|took\s+(?:us|them|her|him|the\s+[\p{L}-]+))(?:\s+(?:north|south|east|west|back|home|out|off|up|down|there|ahead|behind))?\s+(?:in|by|aboard|on)\s+(?:an?|the|our|one|two|three|four|five|\d)\s+(?:(?:unmarked|rented|hired|borrowed|private|civilian|police|old|small|battered)\s+)?(?:" + COLOUR + r"\s+(?:[\p{L}\p{N}-]+\s+){0,2}?" + VEHX + r"|" + MAKE + r")" + VEHTAIL + r")\b",
  r"\b((?:an?|the|one|two|three)\s+" + COLOUR + r"\s+" + MAKE + VEHTAIL + r")\b",
  # The move that the vehicle made, so a finding does not leave the verb
  # bare: "drove to the bar in four unmarked pickups", "and drove in two
  # Bolero jeeps", "arriving in a borrowed NGO pick-up". Only the
  # team's own move: a recruiter "drove them north in two vans".
  r"\b((?:(?:they|we)\s+)?(?:drove|drive|drives|travell?ed|arrived|arriving|rode)\b(?:\s+(?:to|north|south|east|west|back|out|off|up|down|home|the|a|an|bar|club|site|camp|kiln|farm|village|house|border|town|city|there|straight|together|onward|on|ahead|separately|convoy|in\s+convoy)){0,4}?\s+(?:in|by|aboard)\s+(?:(?:" + NUMR + r"|an?|the|our)\s+(?:(?:unmarked|hired|rented|borrowed|tinted|private|civilian|police|NGO)\s+)|(?:two|three|four|five|six|[2-9])\s+)(?:[\p{L}\p{N}-]+\s+)?" + VEHX + VEHTAIL + r"\b(?:\s+(?:and|plus)\s+(?:an?|our|the|" + NUMR + r")\s+(?:[\p{L}\p{N}-]+\s+)?" + VEHX + VEHTAIL + r"\b)?)",
  # Riding along or behind: "Two of our staff bought seats on the same bus,
  # in the last row", "would ride in an unmarked car behind the minibus",
  # "a NAPTIP officer following on a motorcycle".
  r"\b((?:" + TEAMSUBJ + r")?(?:bought|booked|took|had)\s+(?:seats|tickets|places|a\s+seat|a\s+ticket)\s+on\s+the\s+same\s+(?:bus|train|flight|boat|ferry|coach|minibus)\b(?:,?\s+in\s+the\s+(?:last|front|back|rear|next|same)\s+(?:row|rows|seat|seats|carriage|coach))?)",
  r"\b((?:ride|rode|riding|drive|drove|driving|follow|followed|following|travel|travell?ed|stay|stayed)\s+(?:in|on)\s+(?:an?|the|our)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?" + VEHX + r"\s+(?:behind|ahead\s+of|in\s+front\s+of|after)\s+the\s+(?:[\p{L}-]+\s+)?(?:bus|minibus|car|van|truck|lorry|taxi|vehicle|convoy|coach|chapa|jeep|pick-?up|boat))\b",
  r"\b((?:(?:an?|the|our)\s+(?:[\p{L}-]+\s+)?" + ROLE + r"\s+)?following\s+(?:them\s+|us\s+|behind\s+)?(?:on|in)\s+(?:an?|the|our)\s+(?:[\p{L}-]+\s+)?(?:motorcycles?|motorbikes?|bikes?|boda-?bodas?|scooters?|okadas?|cars?|vans?|taxis?|pick-?ups?))\b",
  # Vehicles counted and joined: "Two Boleros plus a hired tempo for the families".
  r"\b(" + NUMR + r"\s+(?:[\p{L}\p{N}-]+\s+)?" + VEHX + VEHTAIL + r"\s+(?:plus|\+)\s+(?:an?|the|our|" + NUMR + r")\s+(?:[\p{L}\p{N}-]+\s+){0,2}?" + VEHX + VEHTAIL + r"\b(?:\s+for\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:girls|boys|women|children|families|survivors|victims|workers|arrests|suspects|team|officers))?)",
]
# How evidence was gathered, told in the past tense, each anchored by its
# verb: calls intercepted, transfers traced, a sign matched to a building,
# plates logged or noted, people counted going in, devices previewed.
PEOPLE = r"(?:girls|boys|children|kids|workers|women|men|minors|customers|clients|labourers|laborers|vehicles|cars|trucks|lorries|motorbikes|buses)"
pats['evidence'] = [
  r"\b((?:" + SUBJX + r")?(?:intercept(?:ed|ing|s)?|tapp(?:ed|ing)|monitored)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:calls|phone\s+calls|communications|conversations|texts|phones?)\b" + ext(6) + r")" + TP,
  r"\b((?:" + SUBJX + r")?traced\s+(?:the\s+|their\s+|his\s+|her\s+|" + NUMR + r"\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:transfers|payments|calls|numbers?|phones?|accounts?|IP\s+address(?:es)?|company|companies|owners?|vessels?|ships?|boats?|vehicles?|cars?|lorr(?:y|ies)|trucks?|money|funds|remittances|wallets?|SIMs?|SIM\s+cards?)\b" + ext(8) + r")" + TP,
  r"\b((?:" + SUBJX + r")?matched\s+(?:the|an?|his|her|their|its)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?[\p{L}\p{N}'’-]+\s+(?:to|with|against|using|through)\s+" + phrase(10) + r")" + TP,
  r"\b((?:" + SUBJX + r")?logged\s+(?:the\s+|every\s+|each\s+|all\s+(?:the\s+)?|their\s+|its\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,4}?(?:position|location|plates?|departures|arrivals|returns|movements|comings|coordinates|vehicles|cars|visits|customers|clients)\b" + ext(8) + r")" + TP,
  r"\b((?:" + SUBJX + r")?(?:noted|wrote|jotted|took)\s+(?:down\s+)?(?:the|every|each|all|their|its|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:plates?|registration(?:\s+numbers?)?|number\s+plates?|licen[cs]e\s+plates?)\b" + ext(8) + r")" + TP,
  # "counted the girls he saw on the stairs", "counting the children going
  # in": people counted where they are, not "we counted nine girls".
  r"\b((?:counted|counting|counts)\s+(?:the|every|all\s+the)\s+(?:[\p{L}-]+\s+)?" + PEOPLE + r"\s+(?:he|she|they|we|going|coming|leaving|entering|arriving|through|from|on|at|in|inside|who|as)\b" + ext(10) + r")" + TP,
  r"\b((?:(?:an?|the)\s+(?:[\p{L}-]+\s+)?(?:examiner|analyst|expert|officer|investigator|team)\s+)?(?:previewed|imaged|triaged|cloned)\s+(?:" + NUMR + r"|the|all|every|each|his|her|their)\s+(?:[\p{L}-]+\s+)?(?:laptops?|phones?|devices?|computers?|hard\s+drives?|tablets?|handsets?)\b" + ext(8) + r")" + TP,
  # "photographs of the club's back entrance were taken from a parked car".
  r"\b((?:photographs|photos|pictures|video|videos|footage|images|stills)\s+(?:of\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?)?(?:were|was)\s+(?:taken|shot|filmed|recorded|captured)\s+(?:from|through|during|with|on)\s+" + phrase(10) + r")" + TP,
  r"\b((?:chat\s+(?:logs?|history)|chats|messages|photos|data|call\s+logs?|files|images|videos)\s+(?:were\s+|was\s+)?(?:recovered|extracted|retrieved|downloaded|pulled|found)\s+(?:from|on)\s+(?:an?|the|his|her|their)\s+" + phrase(6) + r")" + TP,
  r"\b((?:sent|took|with|forwarded|shared)\s+(?:(?:the|some|two|three|\d+)\s+)?screenshots?\s+of\s+" + phrase(6) + r")" + TP,
]
# Where the team watched, waited and went in: the part of a building
# ("two more waited on the back stairs", "covered the rear gate"), a
# distance ("I would wait two streets down"), a room taken opposite, lights
# off, and the way in ("a team entered through the front").
SIDE = r"(?:back|rear|front|side|kitchen|fire|service)"
PART = r"(?:stairs|stairwell|staircase|steps|door|doors|doorway|gate|gates|entrance|entrances|exit|exits|lane|alley|window|windows|wall|yard|road|street|corridor|landing|lobby|car\s+park|office)"
POSTSUBJ = r"(?:(?:" + NUMR + r")\s+(?:more|others|officers|constables|police(?:men|women)?|agents|investigators|gendarmes|of\s+(?:us|them|our\s+team))|the\s+rest|the\s+others|(?:an?|the|our)\s+(?:[\p{L}-]+\s+)?(?:team|officers?|police|investigators?|constables?|colleague)(?:\s+of\s+" + NUMR + r")?|I|we|they|police|officers)(?:\s+(?:would|will|had|then))?\s+"
pats['post'] = [
  # A post told by what was watched from it: "two of our team watched the
  # rear gate from the roof", "watching the building from the chai stall".
  r"\b((?:watch|watched|watches|watching|observed|observing|kept\s+watch\s+on)\s+(?:the|a|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:house|building|brothel|compound|premises|bar|karaoke|factory|workshop|gate|entrance|kiln|farm|camp|boat|pier|site|door|club|hotel|flat|apartment|shop|restaurant|massage\s+parlou?r)\s+(?:from|through)\s+(?:an?|the|our|their)\s+[\p{L}-]+)\b",
  r"\b(" + POSTSUBJ + r"(?:waited|wait|waiting|stood|stand|sat|hid|stayed|watched|watch|covered|cover|guarded|blocked|posted|stationed|positioned|took\s+up\s+position)\s+(?:on|at|by|in|near|outside|behind|from|over|beside|inside)?\s*the\s+(?:[\p{L}-]+\s+)?" + SIDE + r"\s+" + PART + r"\b" + ext(10) + r")" + TP,
  r"\b((?:watched|covered|guarded|blocked|sealed)\s+the\s+" + SIDE + r"\s+" + PART + r"\b" + ext(10) + r")" + TP,
  r"\b((?:(?:I|we)\s+would\s+)?(?:wait|waited|waiting|park|parked|parking|stay|stayed|stood|sat|stopped)\s+(?:a\s+few|" + NUMR + r"|a|one)\s+(?:streets?|blocks?|doors?|houses?|corners?|metres?|meters?|kilometres?|kilometers?|km|hundred\s+(?:metres|meters|yards)|yards)\s+(?:down|away|up|back|along|further|from\s+(?:the\s+)?[\p{L}-]+)\b(?:\s+in\s+(?:our|an?|the|his|her|their)\s+(?:[\p{L}\p{N}-]+\s+){0,3}?" + VEHX + VEHTAIL + r"\b)?" + ext(8) + r")" + TP,
  r"\b((?:rented|took|booked|hired)\s+(?:an?|the)\s+(?:[\p{L}\p{N}-]+\s+)?(?:flat|room|house|apartment|shop)\s+(?:on\s+the\s+[\p{L}\p{N}-]+\s+floor\s+|upstairs\s+)(?:across\s+the\s+(?:street|road|alley|lane)(?:\s+from)?|opposite|across\s+from|overlooking|facing|next\s+to)\b" + ext(6) + r")" + TP,
  r"\b((?:parked|waited|drove|sat|stopped|approached|came|went|moved)\b(?:\s+" + W + r"){0,6}?\s+with\s+(?:its\s+|the\s+|our\s+|their\s+|all\s+)?(?:head)?lights\s+(?:off|out)\b(?:\s+(?:behind|near|outside|by|beside|opposite|across\s+from|at|in|under)\s+(?:an?|the)\s+" + phrase(4) + r")?)" + TP,
  r"\b(followed\s+(?:(?:him|her|them|the\s+[\p{L}-]+)\s+)?at\s+a\s+(?:safe\s+|discreet\s+)?distance)\b",
  r"\b((?:static|mobile|foot|vehicle|discreet|covert)\s+(?:observation|surveillance)\b" + ext(6) + r")" + TP,
  # Teams told apart in a raid: "the second team hit the neighbouring bar".
  r"\b((?:the|a)\s+(?:first|second|third|fourth|other|lead|entry|rear|back-?up)\s+team\s+(?:went|hit|entered|raided|moved|took|covered|secured|waited|stayed|held|blocked|watched|came|stormed|searched)\b" + ext(8) + r")" + TP,
  r"\b((?:surveillance|observation|arrest\s+team|entry\s+team|back-?up|team\s+[A-Z1-9])\b(?:\s+" + W + r"){0,3}?\s+in\s+position)\b",
  # Who was put at a door: "two officers at the back door and the rest at
  # the front", "two constables on the door all night"; the exits taken:
  # "Police secured the two exits".
  r"\b(" + NUMR + r"\s+(?:[\p{L}-]+\s+)?(?:officers|constables|police(?:men|women)?|guards|gendarmes|agents|investigators|soldiers)\s+(?:at|on|by|outside|covering|guarding)\s+the\s+(?:" + SIDE + r"\s+)?(?:door|doors|gate|gates|exit|exits|entrance|stairs|stairwell|staircase)\b(?:,?\s+(?:and\s+)?the\s+(?:rest|others)\s+(?:at|on|by)\s+the\s+" + SIDE + r"(?:\s+(?:door|gate|entrance))?)?(?:\s+(?:all\s+night|all\s+day|overnight|throughout))?)",
  r"\b((?:(?:the\s+)?(?:police|officers|gendarmes|constables|soldiers|agents)\s+)?(?:secured|sealed\s+off|sealed|cordoned\s+off|blocked|covered|guarded)\s+(?:the\s+)?(?:two|both|all|three|four|every|each)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:exits|entrances|doors|gates|ways\s+out|stairwells|staircases))\b",
  # The way in: "a team entered through the front", "We came in the back way".
  r"\b((?:(?:(?:an?|the|our)\s+)?(?:team|police|officers|investigators)\s+(?:entered|enter|enters|went\s+in|go\s+in|goes\s+in|came\s+in|come\s+in|moved\s+in|broke\s+in)|(?:bring|brought|take|took)\s+(?:them|her|him|the\s+[\p{L}-]+)\s+in)\s+(?:through|via)\s+the\s+(?:back|rear|front|side|kitchen|service)\b(?:\s+(?:door|doors|gate|entrance|way|office|stairs|lane|window)\b)?(?:\s+and\s+the\s+[\p{L}-]+)?(?:\s+(?:reserved\s+for|used\s+by)\s+" + phrase(3) + r")?)",
  r"\b((?:we|they|police|officers|the\s+team)\s+(?:came|went|drove|got)\s+in\s+(?:the|by\s+the)\s+" + SIDE + r"\s+way)\b",
]
# How survivors were taken home or handed over: by what, with whom, to whom.
# "escorted home by train with two of our caseworkers", "travelled home
# with one of our social workers on the overnight coach", "handed over at
# the border with six other girls".
OURSTAFF = r"(?:(?:" + NUMR + r"|one)\s+of\s+our\s+(?:[\p{L}-]+\s+)?(?:social\s+workers|caseworkers|case\s+workers|staff|counsell?ors|team|investigators|officers|volunteers|lawyers|nurses)|our\s+(?:[\p{L}-]+\s+)?(?:social\s+worker|caseworker|case\s+worker|counsell?or|investigator|officer|volunteer|lawyer|nurse|driver)s?)"
MODE = r"(?:by\s+(?:train|bus|road|boat|air|car|coach|motorbike|motorcycle|ferry|plane|jeep|van|canoe|foot)|on\s+the\s+(?:overnight|night|evening|morning|early|late|last|first|next)\s+(?:bus|coach|train|ferry|boat|flight|plane))"
pats['escort'] = [
  # A victim is also "taken by bus" by a recruiter: taken, brought, sent
  # only home or back, or with our staff.
  r"\b((?:(?:were|was)\s+)?(?:(?:escorted|accompanied|travell?ed|returned|came\s+back)\s+(?:home\s+|back\s+)?|(?:taken|brought|driven|sent|flown|went)\s+(?:home|back)\s+)(?:" + MODE + r"(?:\s+with\s+" + OURSTAFF + r")?|with\s+" + OURSTAFF + r"(?:\s+" + MODE + r")?))\b",
  r"\b((?:(?:were|was)\s+)?(?:taken|brought|driven|sent|flown|went)\s+(?:" + MODE + r"\s+)?with\s+" + OURSTAFF + r")\b",
  # "Two of our social workers accompanied the children home in small
  # groups on the night bus".
  r"\b((?:" + OURSTAFF + r"\s+)?(?:escorted|accompanied|took|drove|brought)\s+(?:the\s+[\p{L}-]+|them|her|him)\s+(?:home|back)\b(?:\s+in\s+(?:small\s+)?groups(?:\s+of\s+" + NUMR + r")?)?\s+" + MODE + r")\b",
  r"\b((?:then\s+)?by\s+(?:motorbike|motorcycle|boat|canoe|jeep|road|foot|train|bus|car)\s+to\s+(?:each|every|their|her|his)\s+(?:village|home|house|family|families|community))\b",
  # Handed over: "handed over at the border with six other girls", "the
  # seven young men were handed to the border guards" (a suspect handed to
  # the police is excluded by the rule's context).
  r"\b((?:(?:the\s+)?(?:" + NUMR + r"\s+)?(?:[\p{L}-]+\s+)?(?:girls|boys|children|women|men|survivors|workers|families|victims)\s+(?:were|was)\s+)?handed\s+(?:over\s+)?(?:to\s+(?:the\s+)?(?-i:\p{Ll})[\p{L}'’-]*\s+(?:(?-i:\p{Ll})[\p{L}'’-]*\s+)?(?:guards|police|officers|team|staff|authorities|officials|caseworkers|social\s+workers)|to\s+(?:[\p{L}'’-]+(?:'|’)s\s+)?team|at\s+the\s+(?:border|checkpoint|airport|station|port|gate|back\s+gate))\b" + ext(8) + r")" + TP,
]
OPTSUBJ = [DUR, TIPSUBJ, "(?:" + SUBJX + r")?", "(?:" + SUBJNP2 + r"\s+)?", "(?:" + SUBJNP + r"\s+)?", DETSUBJ,
           r"(?:(?:the|our|all|both)\s+(?:[\p{L}-]+\s+)?(?:team|teams|officers|vehicles|cars|vans|units|investigators?|police)\s+(?:had\s+|will\s+|would\s+)?|(?:they|we)\s+(?:had\s+|will\s+|would\s+)?)?"]
# Every terminated pattern is written as its core: at most two words of
# each phrase, no tail, no optional subject. The rules widen their findings
# to the sentence (widen: sentence), which covers what the tails reached for,
# and the core matches wherever the whole pattern does. The whole patterns
# stay above as the readable form of what each rule means.
TS = [T, TP, TCL, TSRC, TSRC0, TSRC2, TEND, TPUNCT,
      r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says)\b|\s*$)"]
for k in pats:
    new = []
    for p in pats[k]:
        for t in TS:
            if p.endswith(t):
                fb = p[:-len(t)]
                for n in range(1, 13):
                    fb = fb.replace(phrase(n), short(n))
                    fb = fb.replace(ext(n), "")
                # A fallback does without the optional subject: the main
                # pattern has it, and without it the fallback starts at a
                # literal word, which is cheaper to search.
                for opt in OPTSUBJ:
                    fb = fb.replace(opt, "")
                new.append(fb)
                break
        else:
            new.append(p)
    pats[k] = new
out = []
for k,v in pats.items():
    out.append("  # " + k)
    for p in v:
        out.append("      - '" + p.replace("'", "''") + "'")
print("\n".join(out))
