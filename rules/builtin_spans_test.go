package rules

import (
	"strings"
	"testing"
)

// TestBuiltinSpans pins what some built-in rules match, not only whether
// they match (as the examples do): the whole of a hyphenated place, the
// house number of a street, the number of a case with its label.
func TestBuiltinSpans(t *testing.T) {
	checkSpans(t, []spanCase{
		// A state's code after its town; not a plate's state, nor SA.
		{"default.location.state-code", "a farm near Bundaberg, QLD, then Dimmit County, TX. Back in Durban, SA, and a Ford Transit, FL plate QKT R42; B-roll, NY KHT-4402.", []string{"QLD", "TX"}},
		// A date inside a file name, not a number that only looks like one.
		{"default.date.file-name", "audio Testimony_SKY_2023-06-14.m4a, photo IMG_20230614_0712.jpg, IMG_0412.jpg, report_2023.pdf", []string{"2023-06-14", "20230614"}},
		// A lower-case article opens a nickname mid-sentence, not a surname's particle.
		{"default.proper.nouns", "We met el Mono near the bridge; María de la Cruz came. Boss Wilber, alias \"el Chato\", left for el Callao.", []string{"el Mono", "María de la Cruz", "Boss Wilber", "el Chato", "Callao"}},
		// Romanian, Italian and German dates; Spanish notes' abbreviations with their weekday.
		{"default.date.other-languages", "Hearing joi, 14 martie. Then giovedì 3 marzo 2022, am 14. März; Vie 10 feb: call.", []string{"joi, 14 martie", "giovedì 3 marzo 2022", "14. März", "Vie 10 feb"}},
		// Romanian, German and Italian court files, with or without their labels; pick-up models are none.
		{"default.identifier.code", "opened 35 Js 1187/23; 11873/2022 R.G.N.R. in Palermo; file 77/D/P/2022; a Ford F-250.", []string{"35 Js 1187/23", "11873/2022 R.G.N.R.", "11873/2022", "77/D/P/2022", "D/P/2022"}},
		{"default.identifier.case-number", "Dosarul penal nr. 1187/P/2023 is open; dosar nr. 412/D/P/2023.", []string{"Dosarul penal nr. 1187/P/2023", "dosar nr. 412/D/P/2023"}},
		{"default.identifier.vehicle-plate", "His truck ABZ 4412 and a Ford F-250 were seized.", []string{"ABZ 4412"}},
		// Lower-case titles with a full stop, Cmdte., and Kyrgyz and Kazakh kin titles after the name.
		{"default.proper.nouns", "We met dl. Mihai Popescu and Cmdte. Julio Salas. Gulnara eje cooked; Nurlan baike drove.", []string{"dl. Mihai Popescu", "Cmdte. Julio Salas", "Gulnara eje", "Nurlan baike"}},
		// Colombian doors after "#", lettered camps and blocks.
		{"default.location.street", "at Calle 7 # 3-41 and Carrera 43A No. 14-109; Camp 8W, Block C-4.", []string{"Calle 7 # 3-41", "Carrera 43A No. 14-109", "Camp 8W", "Block C-4"}},
		{"default.location.venue-amp", "BGK Abbruch & Bau GmbH hired them", []string{"BGK Abbruch & Bau GmbH"}},
		{"default.location.venue", "OOO StroyAlyans paid nothing.", []string{"OOO StroyAlyans"}},
		// "Case No." makes a short number a record's; a report's number and a heading's case stay.
		{"default.identifier.case-number", "Case No. 27 was heard. SITUATION REPORT No. 6. Case 2: the farm.", []string{"Case No. 27"}},
		{"default.date.weekday-short", "- Thứ Hai 10/4: gặp anh. Chủ nhật 16/4 rest.", []string{"Thứ Hai 10/4", "Chủ nhật 16/4"}},
		// Polish ranks in lower case; a street's name ends at a full stop after a long word, not after an abbreviation.
		{"default.proper.nouns", "We met mjr Kowalczyk and podkom. Lisowski. Tsetsgee egch came; Bheel and Kolhi families.", []string{"mjr Kowalczyk", "podkom. Lisowski", "Tsetsgee egch"}},
		{"default.location.street", "on ulica Lwowska. Then Calle Sta. Rosa 12, Jl. A.Y. Patty and Av. Gral. Paz 300.", []string{"ulica Lwowska", "Calle Sta. Rosa 12", "Jl. A.Y. Patty", "Av. Gral. Paz 300"}},
		{"default.identifier.phone", "Her number was 9841-556723.", []string{"9841-556723"}},
		{"default.identifier.code", "Filed as QUD 412 of 2023; crime ref 4211287/23.", []string{"QUD 412 of 2023", "4211287/23"}},
		{"default.date.weekday-short", "- Pon 6.11. – kamp. Čet 9.11. back.", []string{"Pon 6.11", "Čet 9.11"}},
		{"default.date.other-languages", "Op dinsdag 17 oktober kwam ze. On 2023. szeptember 15. the hearing.", []string{"dinsdag 17 oktober", "17 oktober", "2023. szeptember 15."}},
		{"default.location.street", "at 14 rue Léon, then avenue de Choisy in the 13e arrondissement", []string{"rue Léon", "avenue de Choisy", "13e arrondissement"}},
		{"default.identifier.id-number", "Her CPR number, 040896-2718, is on file.", []string{"040896-2718"}},
		// A place's sector number after a hyphen is the place's; COVID-19 is no place.
		{"default.proper.nouns", "She moved to Mirpur-10 in Dhaka, then Gulshan-2. COVID-19 came.", []string{"Mirpur-10", "Dhaka", "Gulshan-2"}},
		{"default.location.street", "Boats tie up at Jetty No. 3 and Pier 7; her flat is on Way 3214.", []string{"Jetty No. 3", "Pier 7", "Way 3214"}},
		// A kin title does not join the sentence after it.
		{"default.proper.nouns", "I said goodbye to Rani Amma. Once home, I slept.", []string{"Rani Amma"}},
		{"default.date.weekday-short", "- Tue 12. 3. – agency office", []string{"Tue 12. 3"}},
		// Religions and peoples publishable; Islam stays a surname's word ("Shahidul Islam").
		{"default.proper.nouns", "Islamic schools and Sikh temples; Djiboutian and Rashaida traders. Shahidul Islam spoke.", []string{"Shahidul Islam"}},
		{"default.location.police-station", "Officers of PS Ramganj came; SHO from PS Kunri.\n| 7 | PS Docks |\nPS Thanks for reading.", []string{"PS Ramganj", "PS Kunri", "PS Docks"}},
		// A legal suffix written with full stops is the venue's too.
		{"default.location.venue", "He worked for Al Noor Gulf Contracting W.L.L. and Nexus Staffing s.r.o. then.", []string{"Al Noor Gulf Contracting W.L.L", "Al Noor Gulf Contracting", "Nexus Staffing s.r.o", "Nexus Staffing"}},
		{"default.location.venue", "jeans for Denim Sur S.R.L., a wholesaler", []string{"Denim Sur S.R.L"}},
		{"default.date.time", "At 0710h we left; the 1000h call.", []string{"0710h", "1000h"}},
		{"default.identifier.plate-shape", "The boda KMFA 482C took him; car 78하 4412.", []string{"KMFA 482C", "78하 4412"}},
		{"default.proper.nouns", "Kondō-shachō met us after the Umrah season.", []string{"Kondō-shachō"}},
		{"default.proper.nouns", "Okada-hanchō shouted at Rey.", []string{"Okada-hanchō", "Rey"}},
		{"default.proper.nouns", "Editor's note: Suzuki-san asked us not to print it.", []string{"Suzuki-san"}},
		// A title makes a word of the common list a surname ("Zulu" names
		// a people too); not across a sentence's end ("the OIC. She").
		{"default.proper.nouns", "Her real name is in Sgt Zulu's statement. Detective Garda Niamh Brennan came.", []string{"Sgt Zulu", "Detective Garda Niamh Brennan"}},
		// Hong Kong and Macau are cities, finer than a country; their
		// people stay publishable.
		{"default.proper.nouns", "She was taken to Hong Kong, then to Macau. Hong Kongers were kind.", []string{"Hong Kong", "Macau"}},
		// An accented spelling is the town, not the English word ("liege",
		// "colon"); a lower-case title makes a place's name a person's.
		{"default.proper.nouns", "| Ana* | Liège |\n\nColón has a port.", []string{"Liège", "Colón"}},
		{"default.proper.nouns", "A foreman the men called anh Lâm told them.", []string{"anh Lâm"}},
		{"default.location.venue", "We met at Maquis Le Baobab in the evening.", []string{"Maquis Le Baobab"}},
		// A boat's roman number is part of its name; "I" is a pronoun.
		{"default.proper.nouns", "Officers boarded the Mary Catherine II at six; the Sirena IV left as I had said.", []string{"Mary Catherine II", "Sirena IV"}},
		// A sentence in Spanish opens with its own words ("Terminó en un").
		{"default.proper.nouns", "Terminó en un departamento. Nadie me dijo que la deuda crecía.", nil},
		{"default.location.venue", "for Hua Xing Construction Serbia d.o.o. in", []string{"Hua Xing Construction Serbia d.o.o"}},
		{"default.proper.nouns", "Volvió a España en 2019.", nil},
		// Peoples in the plural are as publishable as in the singular.
		{"default.proper.nouns", "Most are Malaiyaha Tamils; Hazaras and Kurds came later with Bich Ngoc.", []string{"Bich Ngoc"}},
		// A Spanish "en" cues no lower-case place ("No está en venta").
		{"default.proper.nouns", "No está en venta, dijo. She lived in tenancingo.", []string{"tenancingo"}},
		{"default.proper.nouns", "We met Shabnam-aunty at the gate, then Dilfuza opa and Sunil mahattaya; a Zulu song.", []string{"Shabnam-aunty", "Dilfuza opa", "Sunil mahattaya"}},
		{"default.date.weekday-short", "qua 16/08 – visit; Plan for Thursday 4/18.", []string{"qua 16/08", "Thursday 4/18"}},
		{"default.date.numeric-heading", "**4/9, evening**\n**3/14**\n- 7/8: drove out", []string{"4/9", "7/8"}},
		{"default.identifier.code", "notices (AI nº 22.318.764-3); file Az. 5 KLs 33 Js 1452/19; 20WM/118342C/22.", []string{"AI nº 22.318.764-3", "Az. 5 KLs 33 Js 1452/19", "33 Js 1452/19", "20WM/118342C/22"}},
		{"default.proper.nouns", "She lived with a family in Port-au-Prince, where she worked.", []string{"Port-au-Prince"}},
		{"default.proper.nouns", "From Aix-en-Provence to Stoke-on-Trent.", []string{"Aix-en-Provence", "Stoke-on-Trent"}},
		{"default.proper.nouns", "It was a well-known and long-term plan.", nil},
		{"default.location.street", "a house at Rua Joaquim Carlos 1180, in the Pari", []string{"Rua Joaquim Carlos 1180"}},
		{"default.location.street", "at Calle 29 y Av. Domingo Comín", []string{"Calle 29", "Av. Domingo Comín"}},
		{"default.location.street", "picked up on the SS16 near the farms; SP 231 at dawn.", []string{"SS16", "SP 231"}},
		// A word that opens the sentence stays out of the street's name.
		{"default.location.street-name", "Later Sheikh Zayed Road was closed. Yesterday Ngong Road was busy; 12 Rose Street.", []string{"Sheikh Zayed Road", "Ngong Road", "12 Rose Street"}},
		{"default.identifier.phone", "her brother phoned from (99) 98115-3307.", []string{"(99) 98115-3307"}},
		{"default.identifier.case-number", "under Processo nº 5009134-27.2023.4.03.6181 at", []string{"Processo nº 5009134-27.2023.4.03.6181"}},
		{"default.identifier.case-number", "(URN 20SX1184723) and", []string{"URN 20SX1184723"}},
		{"default.identifier.case-number", "RCMP file 2023-1187432 and CPIMS case BD-CXB-2023-0912 are open.", []string{"RCMP file 2023-1187432", "file 2023-1187432", "CPIMS case BD-CXB-2023-0912", "case BD-CXB-2023-0912"}},
		{"default.identifier.case-number", "police registered Crime No. 412/2023; Enrolment No. ISB-5427; crime 5 times; Till No. 5523817.", []string{"Crime No. 412/2023", "Enrolment No. ISB-5427", "Till No. 5523817"}},
		{"default.date.time", "**[00:04:20] HOST:** Welcome back, at 21:12:30 they left.", []string{"21:12"}},
		{"default.date.weekday", "only allowed out on Sunday afternoons.", []string{"Sunday afternoons"}},
		{"default.date.time", "0615 – static observation from the car park", []string{"0615"}},
		{"default.date.time", "**0330**: Briefing at the camp", []string{"0330"}},
		{"default.date.time", "**[00:21] GUEST (Aizada):** Thank you. [21:30] Team in position.", []string{"21:30"}},
		{"default.proper.nouns", "14/10/2023, 17:48 - Ploy: Hi all.\n[14/10/2023, 17:51] Ploy: go\nIt was a ploy.", []string{"Ploy", "Ploy"}},
		// After a capitalised word a code stays a place's part ("NAIA" itself is an acronym).
		{"default.proper.nouns", "V1 and V2 were moved; in Q3 we grew. We flew into NAIA T3.", []string{"T3"}},
		// Codes after codes stay codes; so do codes after a line that
		// ends with a name (a chat header).
		{"default.proper.nouns", "Victims are V1 to V6.\n**13:20 Nisa Rahmawati**\nV3 number is this. V1 V3 V4 with us.", []string{"Nisa Rahmawati"}},
		{"default.proper.nouns", "Country breakdowns are in Annex B. It is case 124/2023 at the Bokeo provincial court. Before the Corte d'Assise in Turin, SA Brian Kowalski spoke.",
			[]string{"Bokeo provincial court", "Turin", "SA Brian Kowalski"}},
		{"default.location.street-name", "She took cash out at the ATM on Victoria Parade at 1 pm.", []string{"Victoria Parade"}},
		{"default.location.venue", "Reformas Levante Oriental SL paid them.", []string{"Reformas Levante Oriental SL"}},
		{"default.identifier.case-number", "Malindi CM SO E045 of 2023 and NPS Docket No. XVI-INV-24J-0192; Article 5 of 2020.", []string{"CM SO E045 of 2023", "NPS Docket No. XVI-INV-24J-0192"}},
		{"default.identifier.plate-shape", "vans Phnom Penh 2AK-5813 and 2AB-0947", []string{"2AK-5813", "2AB-0947"}},
		{"default.identifier.plate-shape", "the bus, Dhaka Metro-Cha 15-4471, left", []string{"Dhaka Metro-Cha 15-4471"}},
		{"default.identifier.plate-shape", "the jeep Ba 2 Cha 4471 and the car 鲁H·6K2M9 left; Ka 5 was closed", []string{"Ba 2 Cha 4471", "鲁H·6K2M9"}},
		{"default.identifier.case-number", "The ruling, ECLI:NL:RBNHO:2022:4417, is public. Kilifi CM SO E019 of 2024.", []string{"ECLI:NL:RBNHO:2022:4417", "CM SO E019 of 2024"}},
		{"default.date.weekday-short", "Incident window: Sat 10/14/2023, 23:52 to Sun 10/15, 06:10.", []string{"Sat 10/14/2023", "Sun 10/15"}},
		// "Fretes" is no plural of "fret"; a title after a speaker's colon
		// cues no name; a word opening the sentence before a title is no
		// part of the name.
		{"default.proper.nouns", "**Rodrigo Fretes** 06:42\n\n21:11 **Alam Bhai:** Good. Okay. So Mama Halima called.", []string{"Rodrigo Fretes", "Alam Bhai", "Mama Halima"}},
		// A chat line that opens with a time and a space; a role word with a
		// title of respect; a role word opening a sentence; a month's
		// abbreviation.
		{"default.proper.nouns", "05:51 Ploy: ok. who else knows?\n05:52 Hafiz: police\n05:53 Outreach: on our way\nMunshi ran off. We met Sardar-ji for the Oct–June season.", []string{"Ploy", "Hafiz", "Sardar-ji"}},
		// Korean given names whose syllables spell words; a title that is
		// allowed alone before a name that is a word.
		{"default.proper.nouns", "Choi Mi-ran called. We asked Mi-ran and Ji-won twice. It was so-so. We met Mr Hope there.", []string{"Choi Mi-ran", "Mi-ran", "Ji-won", "Hope"}},
		{"default.location.street", "at the dhaba on NH 548B before sunrise; NH-44", []string{"NH 548B", "NH-44"}},
		{"default.location.street", "met on the Punhana–Hodal road, then the Zrenjanin–Novi Sad road; a Pre-Departure Road", []string{"Punhana–Hodal road", "Zrenjanin–Novi Sad road", "Pre-Departure Road"}},
		// Two titles joined are a role.
		{"default.proper.nouns", "The Mama-san took the phones. We met Sardar-ji.", []string{"Sardar-ji"}},
		// A case or a family kept anonymous by a letter.
		{"default.proper.nouns", "Case A: a domestic worker. Case B and Family C were referred by Grace Tan.", []string{"Grace Tan"}},
		// A role before a name is no part of it.
		{"default.proper.nouns", "Show notes: Host Leo Marsh speaks with Caseworker Ana Lima.", []string{"Leo Marsh", "Ana Lima"}},
		// A word in capitals set apart after a cue is emphasis; straight
		// after "the name" it is what something is called.
		{"default.proper.nouns", "Case 2: Nasreen and her sons (PRIORITY).", []string{"Nasreen"}},
		// A given name addressed opens a sentence; an interjection or a
		// surname that is a word does not make one.
		{"default.proper.nouns", "If she listens! [laughs] No, I am joking. [laughs] Tom, we'll need that. Grace, thank you. Good, we agree.", []string{"Tom", "Grace"}},
		{"default.date.time", "Greg flew in, arrived 2140. Approx 2330, van moved; approx 2300 children; arrived 2019.", []string{"2140", "2330"}},
		{"default.identifier.plate", "the car (registration 4471AC/19); grey Hyundai with plates 5-204817; Doblo plate is 34 KLM 582 if lost.", []string{"4471AC/19", "5-204817", "34 KLM 582"}},
		{"default.operational.route", "Greg flew in on FJ 910, arrived late.", []string{"flew in on FJ 910", "FJ 910"}},
		{"default.proper.nouns", "Most are women from South and Southeast Asia; some speak a Mayan language.", nil},
		{"default.identifier.handle", "the manager's WeChat, wxid_goldlotus88, was", []string{"wxid_goldlotus88", "wxid_goldlotus88"}},
		{"default.identifier.handle", "Han's WeChat, for emergencies only: hanshifu_88. Her Zalo: lan.tran. ID fangjie_888; see page 12.", []string{"hanshifu_88", "hanshifu_88", "lan.tran", "fangjie_888"}},
		{"default.proper.nouns", "One of them was a girl, I’ll call her Hasina. Hmm, I'll leave it.", []string{"Hasina"}},
		{"default.proper.nouns", "13/11/2024, 09:14 - Tasneem A.: Salam, are you free?", []string{"Tasneem A"}},
		{"default.date.weekday-short", "Wed 13/11: second visit", []string{"Wed 13/11"}},
		{"default.identifier.phone", "the RDO's mobile, 98405 55127, was", []string{"98405 55127"}},
		{"default.location.street", "She lives in Camp 4, block C.", []string{"Camp 4"}},
		{"default.identifier.handle", "> **@mari.santiago.rd:** I see these kids", []string{"@mari.santiago.rd"}},
		{"default.date.time", "**12/02/2024, 06:58 — Aminu (1:47)** Readings: Isaiah 58:6–9 and Luke 4:16.", []string{"06:58"}},
		{"default.date.month-day", "Late November 2023: the raid.", []string{"Late November 2023", "Late November"}},
		{"default.operational.team", "carried out by over sixty officers with support from", []string{"sixty officers"}},
		{"default.operational.route", "booked on Royal Jordanian RJ 182, in AI 2024 terms", []string{"RJ 182"}},
		// A given name and a surname that are both words still name a person at a line's start.
		{"default.proper.nouns", "**cc:** Lily Chambers (comms). Rose Garden opens.", []string{"Lily Chambers"}},
		// A run of capitalised words stops at a line's end; a full name alone on a signature line is a name.
		{"default.proper.nouns", "Warmly,\nLily Chambers\nExecutive Director\n\nThanks,\nGrace Tan", []string{"Lily Chambers", "Grace Tan"}},
		// A part of a document by its number is no name.
		{"default.proper.nouns", "See Para 3 and Para 12; Fig. 2 and Annex 4 show it.", nil},
		// An organisation's name ends in an organisation's word; a seas is a region; a Bible verse is no name.
		{"default.proper.nouns", "Bridgeway Justice runs it, with Annex A. Across the Black Sea. Read Luke 4:18 today. Naveed Gill and Mark Otieno spoke.", []string{"Naveed Gill", "Mark Otieno"}},
		{"default.identifier.handle", "call me on LINE, my ID is sokha.bwj, or her LINE ID: mai2024. My ID is with the police.", []string{"sokha.bwj", "mai2024"}},
		// A job title of ordinary words is no name; a spaced term of respect joins the name.
		{"default.proper.nouns", "The District Child Protection Officer came. Meenakshi di called. Aman aga came. Sl. No. 4.", []string{"Meenakshi di", "Aman aga"}},
		{"default.date.month-day", "From January–June 2025 and July to September 2023.", []string{"January–June 2025", "July to September 2023"}},
		{"default.location.venue", "She stayed at Pinewood Suites; Cantina El Tropical closed; Blue Pacific Manning Services hired them.", []string{"Pinewood Suites", "Cantina El Tropical", "Blue Pacific Manning Services"}},
		{"default.identifier.handle", "Reply from u/kaohsiung_helper: thanks (see r/IAmA).", []string{"u/kaohsiung_helper"}},
		// A sentence in another language opens with its own words, not a name.
		{"default.proper.nouns", "Walang pasaporte. En el mes de enero. Naveed bhai came. Naveed said hello.", []string{"Naveed bhai", "Naveed"}},
		// A clock-time range is one finding; an aspect ratio and a runtime list are no times.
		{"default.date.time", "**06:40–08:10** Check-in. Vertical 9:16 video. _Runtime target: intro 3:30, outro 2:45._ (0:55–1:25)", []string{"06:40–08:10"}},
		{"default.location.street", "Airport, Terminal 2, at dawn.", []string{"Terminal 2"}},
		{"default.proper.nouns", "Joanne Wari, Head of Pacific Programmes, wrote it.", []string{"Joanne Wari"}},
		{"default.location.street", "Exit onto SR 60, then US-27; Road 4217, Building 1047; in the US 2024 figures.", []string{"SR 60", "US-27", "Road 4217", "Building 1047"}},
		{"default.proper.nouns", "**Kanokwan S.:** Good catch. Investigator Mike Tran came. Slovak Roma families and the Roma Outreach team; Karen said yes.", []string{"Kanokwan S", "Investigator Mike Tran", "Karen"}},
		{"default.identifier.handle", "**luna_mod** — 11/03/2023 11:53 PM\n**d1eg0.gg** — 11/03\n500 dollars on cashapp to $valeriaR0607 or $500.\n- e.g. the first step", []string{"luna_mod", "d1eg0.gg", "$valeriaR0607"}},
		{"default.proper.nouns", "Boy A and Victim 2 met Witness C at noon. Rustam aka came. Coach Otieno ran.", []string{"Rustam aka", "Coach Otieno"}},
		// A vessel named after its kind takes its number.
		{"default.proper.nouns", "The trawler Hai Feng 688 sailed; the longliner Sheng Feng No. 168 docked.", []string{"Hai Feng 688", "Sheng Feng No. 168"}},
		// An administrative kind of place after its name is part of it.
		{"default.proper.nouns", "She grew up in Anhui province, then Arani taluk; the Tlaxcala courthouse.", []string{"Anhui province", "Arani taluk", "Tlaxcala courthouse"}},
		// A speaker's label in capitals: a short known name beside another is
		// no acronym; an agency's acronym stays one.
		{"default.proper.nouns", "MARIA SANTOS: Thanks for coming today, all of you. The IOM and ILO came too.", []string{"MARIA SANTOS"}},
		{"default.proper.nouns", "ADV. YONAS TESFAYE: Thank you all.", []string{"ADV. YONAS TESFAYE"}},
		// A chat line's sender is a person even where a word of the name folds
		// onto an allowed one ("Thaís" and the demonym "Thais").
		{"default.proper.nouns", "06/05/2024, 08:14 - Thaís Andrade: Bom dia, the report is confirmed.", []string{"Thaís Andrade"}},
		// Initials in quotes are a nickname, not an agency's acronym.
		{"default.proper.nouns", "Our driver, Jean-Claude \"JC\" Mukendi, waited. The IOM and WHO came.", []string{"Jean-Claude \"JC\" Mukendi"}},
		// "No." and its number belong to a vessel's or a place's name; "dai"
		// after a name is part of it.
		{"default.proper.nouns", "The crew of Sheng Da Yu No. 61 went unpaid. Ramesh dai called. Rokeya apa and Chaminda aiya came.", []string{"Sheng Da Yu No. 61", "Ramesh dai", "Rokeya apa", "Chaminda aiya"}},
		// Two words and a number: a vessel's or a venue's name, not a person's.
		{"default.proper.nouns", "The crew of Jin Hai Xiang 7 went unpaid. Sinar Jaya 8 left port. Maria Santos, 15, stayed. Ana Cruz 09:14", []string{"Jin Hai Xiang 7", "Sinar Jaya 8", "Maria Santos", "Ana Cruz"}},
		{"default.proper.nouns", "She earned R250 a week and paid K300. Inspector de Vries and el Chino Ramírez came.", []string{"Inspector de Vries", "el Chino Ramírez"}},
		{"default.date.month-day", "Since April of this year we met.", []string{"April of this year"}},
		// A role in capitals is no chat sender.
		{"default.proper.nouns", "**[00:00:29] SPEAKER:** Thank you.\n[10:02] HOST: ok", nil},
		// A middle dot ends a comment's header: the comment opens a sentence.
		{"default.proper.nouns", "**trucker_mike_88** · Been driving 22 yrs.", nil},
		{"default.proper.nouns", "A woman known in the camp as Nang Mai offered a job. We met Mai there.", []string{"Nang Mai", "Mai"}},
		{"default.proper.nouns", "**ACCRA, Ghana, 14 March 2024**: The NGO and WHO said.", []string{"ACCRA"}},
		// A place in capitals that opens a line before the date is a dateline
		// too; an acronym in prose before a number is not.
		{"default.proper.nouns", "DAKAR, 12 June 2024 — boys are back.\n\n**ADDIS ABABA, 12 March 2024**\n\nWe met IOM, 12 partners and the NGO, March 2024.", []string{"DAKAR", "ADDIS ABABA"}},
		{"default.proper.nouns", "Screening for STIs; support from NGOs and CSOs.", nil},
		{"default.proper.nouns", "DC Mark Halloran called. Ask PC Jones. The office PC broke.", []string{"DC Mark Halloran", "PC Jones"}},
		{"default.identifier.handle", "ID: liujg_heze1988. Photo IMG_4471, file draft_v2, _Names_ changed.", []string{"liujg_heze1988"}},
		{"default.identifier.email", "his brother's account, zawlin.repair@example.com, and info@ijm.org", []string{"zawlin.repair@example.com"}},
		{"default.location.venue", "at the Golden Reed Casino, near the Sputnik shopping centre; staff at Lotus Nails.", []string{"Golden Reed Casino", "Sputnik shopping centre", "Lotus Nails"}},
		// A venue's name never runs across a line, and a line's first ordinary word is no name.
		{"default.location.venue", "Journalist\nWhich casino was it? Second estate: no.\n## 6 Capacity building", nil},
		{"default.location.street", "Pull off I-70 at exit 147 and wait.", []string{"I-70", "exit 147"}},
		// A line's first word opens a sentence, whatever ends the line before (chat exports, labels).
		{"default.proper.nouns", "**Hannah Cole** 09:14\nMorning all, we met Grace.\nSuper helpful.\n**Risk level:** HIGH", []string{"Hannah Cole", "Grace"}},
		// A film's scene timings and a podcast's chapters are no clock times.
		{"default.date.time", "### SCENE 4 (0:55–1:25)\n**(03:45) The broker**\nRuntime: 3:30, a 0:60 cutdown. Raid at 3:30.", []string{"3:30"}},
		// A weekday with its time or month is one date; a holiday keeps its year.
		{"default.date.weekday", "on Wednesday at 16:00, Sundays 1–5 p.m., a Sunday in June 2023, Friday at 5 amigos", []string{"Wednesday at 16:00", "Sundays 1–5 p.m.", "Sunday in June 2023", "Friday"}},
		{"default.date.holiday", "After Deepavali 2023 she left; Christmas Day 2022.", []string{"Deepavali 2023", "Christmas Day 2022"}},
		{"default.identifier.profile-url", "via m.me/weng.sarmiento.dc, then messenger.com/t/4455 and discord.gg/abc12", []string{"m.me/weng.sarmiento.dc", "messenger.com/t/4455", "discord.gg/abc12"}},
		// Words SCOWL's larger lists build from ordinary words are ordinary.
		{"default.proper.nouns", "**6:25 am** Headcount in the yard. Psychosocial support. Underspend was small.", nil},
		// A romanised given name's lower-case syllable is part of it, not an English word after a hyphen.
		{"default.proper.nouns", "The agent is Mr Chen Wei-ming; a Chen-led team.", []string{"Chen Wei-ming"}},
		{"default.proper.nouns", "In Pasay the co-owner, Lee Dong-hyun, was caught. He had finished Senior Six; a Go-live date.", []string{"Pasay", "Lee Dong-hyun"}},
		// Plural common nouns, a short country name and Indigenous usage are no names.
		{"default.proper.nouns", "- Boys said to be from Koudougou.\n- He asked if he was going back to Burkina. Designed with Elders.", []string{"Koudougou"}},
		// A possessive inside a venue's name; a country's possessive opens none.
		{"default.location.venue", "at Lusikisiki Magistrate's Court; St Anne's Academy; San Fernando Magistrates' Court; Uganda's High Court; the Children's Court.", []string{"Lusikisiki Magistrate's Court", "Lusikisiki Magistrate's Court", "St Anne's Academy", "San Fernando Magistrates' Court", "San Fernando Magistrates' Court"}},
		{"default.location.venue", "in Batey Cinco Palmas; the Jasmine Relaxation Centre; the Batey Rights Programme.", []string{"Batey Cinco Palmas", "Jasmine Relaxation Centre"}},
		{"default.location.venue", "at Rising Star Circus; the Golden Cup Tavern; Amani Forex Bureau; a Nepali circus.", []string{"Rising Star Circus", "Golden Cup Tavern", "Amani Forex Bureau"}},
		{"default.location.venue", "Bor Police Headquarters, Sandwell Register Office and Soa Placement Services; Kandal Provincial Police Commissariat.", []string{"Bor Police Headquarters", "Sandwell Register Office", "Soa Placement Services", "Kandal Provincial Police Commissariat", "Kandal Provincial Police Commissariat"}},
		{"default.location.venue", "at Hoshizaki Sewing; Coral Coast Labour Hire; supported by Safe Harbour Europe. The Central Pacific supplies tuna.", []string{"Hoshizaki Sewing", "Coral Coast Labour Hire"}},
		{"default.identifier.code", "Police case is SUV-CR 2291/23. Az. 172 Js 388/23 was opened.", []string{"SUV-CR 2291/23", "Az. 172 Js 388/23", "172 Js 388/23"}},
		{"default.identifier.case-number", "AFP ref. 2024/HT/1187 and FWO ref. 17-332-2024.", []string{"AFP ref. 2024/HT/1187", "ref. 2024/HT/1187", "FWO ref. 17-332-2024", "ref. 17-332-2024"}},
		{"default.identifier.document", "Coral Coast (ABN 61 204 887 315) pays.", []string{"ABN 61 204 887 315"}},
		{"default.operational.equipment", "I'll bring the GoPro on the chest strap under my jacket.", []string{"the GoPro"}},
		// A time in words at which something happened; not the start of a working day.
		{"default.date.time", "They came at two in the morning. She worked from five in the morning. At about ten to five in the morning.", []string{"two in the morning", "about ten to five in the morning", "ten to five in the morning"}}, // the merge keeps the longer,
		// A range of days across months is one date (the scan keeps the widest of
		// overlapping matches); a people's new year is a holiday.
		{"default.date.month-day", "Reporting period: 1 January – 30 June 2024, and 12 May to 3 June 2022.", []string{"1 January – 30 June 2024", "1 January", "1 January", "30 June 2024", "30 June 2024", "June 2024", "12 May to 3 June 2022", "12 May", "3 June 2022", "3 June 2022", "June 2022"}},
		{"default.date.holiday", "They came home for Lao New Year.", []string{"Lao New Year"}},
		{"default.identifier.id-number", "Pay to NL91 ABNA 0417 1643 00 now.", []string{"NL91 ABNA 0417 1643 00", "0417 1643 00"}},
		{"default.location.street", "at Stationsplein 8 and Hauptstraße 12; the Wegweiser 3 is a book.", []string{"Stationsplein 8", "Hauptstraße 12"}},
		{"default.proper.nouns", "- PI Sandesh Naik led the team to Negombo lagoon.\n- Pls call. The Brigade des Mineurs and the daara.", []string{"PI Sandesh Naik", "Negombo lagoon"}},
		{"default.operational.channel", "Then we set a rule: he checks in every evening with one emoji, and if he misses two we escalate.", []string{"checks in every evening with one emoji"}},
		{"default.operational.cover", "Paid cash and told the desk we're doing a coverage survey for a phone company.", []string{"told the desk we're doing a coverage survey"}},
		{"default.identifier.code", "Case PGR-TdP-0332-2023 opened; No. 23-0417-ӨМ too; a UK-based NGO-run programme.", []string{"PGR-TdP-0332-2023", "No. 23-0417-ӨМ"}},
		{"default.location.street", "a workshop at Mahmutbey Cad. No. 41 and one on Gül Sk.", []string{"Mahmutbey Cad. No. 41", "Gül Sk."}},
		{"default.date.month-day", "Between June and September 2023 they worked.", []string{"June and September 2023"}},
		// A date and its time are one finding.
		{"default.date.month-day", "Posted 3 May at 18:40.", []string{"3 May at 18:40"}},
		{"default.identifier.plate-shape", "Took the Probox, KDB 417X, and a boda UAX 231K; a van SN19 KVX; the UAE 2030 plan.", []string{"KDB 417X", "UAX 231K", "SN19 KVX"}},
		{"default.identifier.document", "Paid by card, account ending 4471.", []string{"account ending 4471"}},
		{"default.operational.vehicle", "Took the office Probox to the stage.", []string{"Took the office Probox"}},
		// A log line's range of times; a year range is no time.
		{"default.date.time", "- 2100–0030: first observation\n- 2019–2021: programme phase\n- Arr. approx 0940.", []string{"2100–0030", "0940"}},
		{"default.identifier.document", "Her C.I. 4.812.337 was on top.", []string{"4.812.337"}},
		{"default.location.street", "at calle Olazábal 3200, in Región 227, manzana 38.", []string{"calle Olazábal 3200", "Región 227", "manzana 38"}},
		{"default.operational.channel", "Radio on channel 7, phones off. We marked it on GPS.", []string{"Radio on channel 7", "marked it on GPS"}},
		{"default.operational.post", "At 2 the first team went into the bar.", []string{"the first team went"}},
		{"default.proper.nouns", "She was taken to Dar es Salaam; she reached Standard Six.", []string{"Dar es Salaam"}},
		{"default.identifier.document", "Her A-number is A 212-555-907; sort code 20-55-31.", []string{"A 212-555-907", "20-55-31"}},
		// A postscript is no initial: the asterisked pseudonym after it stays.
		{"default.proper.nouns", "P.S. Valentina* flew back. P.S. Tendai* asked me. S. Rajendran came.", []string{"S. Rajendran"}},
		// A number and a year is a case file; a fiscal year is not.
		{"default.identifier.code", "FIR registered, 0217/2023. Case 1187/2566. Complaint 2:23-mj-03381. In FY 2022/23 and 2019/2020.", []string{"0217/2023", "1187/2566", "2:23-mj-03381"}},
		{"default.identifier.plate", "The van's plate, 8TRK442, was noted.", []string{"8TRK442"}},
		{"default.location.street", "at East 15th Street, by 23 Road.", []string{"East 15th Street", "23 Road"}},
		{"default.location.venue", "recruited by PT Samudra Karya Abadi and Thanh Dat Manpower JSC; the PT session.", []string{"PT Samudra Karya Abadi", "Thanh Dat Manpower JSC", "Thanh Dat Manpower"}},
		{"default.location.street", "She lived at Rua Coimbra, 418, near the market.", []string{"Rua Coimbra, 418"}},
		{"default.identifier.code", "Process 1000734-52.2022.5.02.0008 is open.", []string{"1000734-52.2022.5.02.0008"}},
		// A chat sender with an initial is a person, even when a town shares the name.
		{"default.proper.nouns", "[12/06/2024, 09:14] Dimitra S: are you there?\n13/11/2024, 09:15 - Tasneem K: ok", []string{"Dimitra S", "Tasneem K"}},
		{"default.date.month-day", "- Wed 13 March: first call. Sat 16 March: raid.", []string{"Wed 13 March", "Sat 16 March"}},
		// A place the gazetteer knows whole keeps a last word that is a title; a job title does not.
		{"default.proper.nouns", "They flew to Sharm El Sheikh. The Communications Officer spoke.", []string{"Sharm El Sheikh"}},
		// A title written whole ends its sentence at a full stop; an abbreviated one does not.
		{"default.proper.nouns", "We met Pastor. James was there. Dra. Verónica came.", []string{"James", "Dra. Verónica"}},
		// A holiday's night is the date; a sitrep's number and "report 19 days" are no case numbers.
		{"default.date.holiday", "They came on Holi night.", []string{"Holi night"}},
		{"default.identifier.case-number", "# SITUATION REPORT No. 6\nPassengers report 19 days at sea. Police report No. 4471/2023.", []string{"report No. 4471/2023"}},
		{"default.location.venue", "Charged at Snaresbrook Crown Court; Crown Court ref T20237291.", []string{"Snaresbrook Crown Court"}},
		// An emoji ends a sentence in a social post.
		{"default.proper.nouns", "picked her up 🚗 Her mum was in the back 💇🏾‍♀️ Her passport was taken.", nil},
		// Money by a currency letter or abbreviation is no name.
		{"default.proper.nouns", "- **R900 / $50** covers a month.\n- **R600** covers a week. They owe Bs 1,800 each; Tk 5,000 was paid to Rahim.", []string{"Rahim"}},
		// Going in as someone is a cover; going abroad as a maid is not.
		{"default.operational.cover", "I went in twice as a driver delivering water. She went to Dubai as a maid.", []string{"I went in twice as a driver delivering"}},
		// Our own vehicle is an operational detail; the trafficker's is not.
		{"default.operational.vehicle", "Luke came in my Corolla, and she followed in her own van. He kept cash in his car.", []string{"in my Corolla", "followed in her own van"}},
		// A place the gazetteer knows whole, after a place cue, though a word of it is a surname.
		{"default.proper.nouns", "We drove to Cape Coast, then flew into Gold Coast. The Gold was gone.", []string{"Cape Coast", "Gold Coast"}},
		// Ninth session: a kinship title after a name makes a person of it, even after "to".
		{"default.proper.nouns", "I paid 160,000 rupees to Dilip dai in cash.", []string{"Dilip dai"}},
		// Case numbers with a Spanish, a Thai and a labour court's label.
		{"default.identifier.case-number", "File opened: Expte. 18.442/2024. Now Black Case No. Kor.Mor. 47/2567 at court; Labour Dispute No. 4451/1445.", []string{"Expte. 18.442/2024", "Black Case No. Kor.Mor. 47/2567", "Labour Dispute No. 4451/1445"}},
		{"default.identifier.code", "Case number DoFE/Comp/2077-78/1432. Mon/Tue/Wed.", []string{"DoFE/Comp/2077-78/1432"}},
		// A make the list lacked, and an Ontario plate right after the car.
		{"default.operational.team-vehicle", "The husband drove a black Lexus RX, CKLM 215, most nights.", []string{"a black Lexus RX"}},
		{"default.identifier.vehicle-plate", "The husband drove a black Lexus RX, CKLM 215, most nights.", []string{"CKLM 215"}},
		{"default.location.street", "a studio at vul. Saksahanskoho 41, in the centre", []string{"vul. Saksahanskoho 41"}},
		{"default.location.venue", "as Star Faces Model Management, then the Ontario Court of Justice; the International Court of Justice.", []string{"Star Faces Model Management", "Ontario Court of Justice"}},
		{"default.proper.nouns", "PRESS RELEASE\n\nTom Whitfield, Press Officer", []string{"Tom Whitfield"}},
		{"default.proper.nouns", "We met Special Agent Tom Reyna at noon.", []string{"Special Agent Tom Reyna"}},
		{"default.proper.nouns", "\"Did you know?\" Yes / No\n\nNo stock photos, please. We met Mr No Jin-ho.", []string{"No Jin-ho"}},
		// A word in no list set in bold as a label is a speaker; a field label is not.
		{"default.proper.nouns", "- **Farhana:** Slide 4 is fine.\n- **Grantee:** our partner\n- Preheader: give today", []string{"Farhana"}},
		{"default.proper.nouns", "- Thandiwe: keep slide 5 general.\n- Daloa: the owner paid bail.\n- Dest: the farm\n- Approver: Comms lead", []string{"Thandiwe", "Daloa"}},
		// A place written as one CamelCase hashtag; a campaign's is no place.
		{"default.proper.nouns", "Share it: #JohorBahru #EndSlavery #StopTrafficking", []string{"JohorBahru"}},
		// A given name before an unknown surname is a person after a place cue too.
		{"default.proper.nouns", "Copy drafted from Tom Whitcombe's summary.\n\n> **Comment from Tom:** too specific. Back from East Legon.", []string{"Tom Whitcombe", "East Legon"}}, // (the scanner echoes "Tom" once the name is known)
		// A Spanish article opens a nickname at a sentence's start too.
		{"default.proper.nouns", "She called herself La Güera online. La Güera was picked up two days later.", []string{"La Güera", "La Güera"}},
		// After a field's label a word before a surname is a given name.
		{"default.proper.nouns", "Owner: Elira Hoxha · Partner liaison: Gentian Dervishi · Go-live: soon\n\nScheduled by: Ploy Srisawat", []string{"Elira Hoxha", "Gentian Dervishi", "Ploy Srisawat"}},
		// A couple's titles, initials in a row, a boat's number after "the".
		{"default.proper.nouns", "The couple were Mr. and Mrs. Dorvil. Mr & Mrs Murugesan own it.", []string{"Mr. and Mrs. Dorvil", "Mr & Mrs Murugesan"}},
		{"default.proper.nouns", "1. W. A. Nimal Perera, owner. P.S. Valentina* asked.", []string{"W. A. Nimal Perera"}},
		{"default.proper.nouns", "We waited as the Sirena 2 motored back.", []string{"Sirena 2"}},
		{"default.proper.nouns", "We met Aunt Florence and Barrister Efua Addo-Boateng; TFO Miguel Quintero came.", []string{"Aunt Florence", "Barrister Efua Addo-Boateng", "TFO Miguel Quintero"}},
		// In capitals, a title before ordinary words heads a section.
		{"default.proper.nouns", "GENERAL OBSERVATIONS (ok to reuse)\n\nINVESTIGATOR NOTEBOOK\n\nOFFICER HOPE CAME", []string{"OFFICER HOPE CAME"}},
		// A hedge and a time zone go with a clock time; a weekday in brackets
		// or after a time is a date.
		// (Raw matches of the rule's patterns: the scanner merges "11:40" into the longer one.)
		{"default.date.time", "at about 11:40 p.m., nine officers; posts at 10 a.m. CT", []string{"about 11:40 p.m.", "11:40", "10 a.m. CT"}},
		{"default.date.weekday-short", "Day 1 (Wed)\n\n- park from 6 am Wed. She sat down.", []string{"Wed", "Wed."}},
		{"default.identifier.code", "The case is 01/2024/HSST at the provincial court.", []string{"01/2024/HSST"}},
		{"default.identifier.phone", "Our hotline in Nepal is 01-4915552.", []string{"01-4915552"}},
		{"default.proper.nouns", "Owner Ch. Tariq Warraich. Peshgi is the advance.", []string{"Ch. Tariq Warraich"}},
		{"default.location.venue", "Where: Golden Triangle SEZ, Bokeo province.", []string{"Golden Triangle SEZ"}},
		{"default.location.street", "ran the Cantina El Farolito on 4a Calle, near a flat at Pallati 112.", []string{"4a Calle", "Pallati 112"}},
		// A long word ending with a full stop ends a sentence, not a street's name.
		{"default.location.street-name", "- 03:40 Raining. Road bad after the turn. We walked down St. Mary Road.", []string{"St. Mary Road"}},
		{"default.location.venue", "Meet at Old Taxi Park; Golden Lotus Garment paid late.", []string{"Old Taxi Park", "Golden Lotus Garment"}},
		{"default.operational.codename", "OPERACIÓN GARZA begins at dawn.\n\nOPERATION DEBRIEF", []string{"OPERACIÓN GARZA"}},
		{"default.operational.codename", "Met source COLIBRÍ (taxi driver) near the tower.", []string{"source COLIBRÍ (taxi driver)"}},
		{"default.identifier.code", "Crime reference 20BE/118734/23 was given.", []string{"20BE/118734/23", "118734/23"}},
		// A cue written with its full stop takes the name after the stop.
		{"default.location.venue", "The crew of the Sor. Charoenchai 9 stayed aboard; in Brgy. San Roque we waited.", []string{"Sor. Charoenchai 9", "Brgy. San Roque"}},
		{"default.location.venue", "Horizon Plus Placement sent her; we waited behind the Lulu Hypermarket, then at Shiv Dhaba.", []string{"Horizon Plus Placement", "Lulu Hypermarket", "Shiv Dhaba"}},
		// An Italian feminine title after its dot ("Dott.ssa", "Sig.ra").
		{"default.proper.nouns", "The hearing was led by Dott.ssa Anna Russo. Sig.ra Bianchi came.", []string{"Dott.ssa Anna Russo", "Sig.ra Bianchi"}},
		// Common terms of two short halves; longer halves stay a compound, and the act's title reads as one.
		{"default.proper.nouns", "The Wi-Fi was down, Mija. A report under the Anti-Trafficking in Persons Act.", nil},
		// A template's zeros are no number; a date and its hour are no ID.
		{"default.identifier.phone", "Call 0000 000 0000 or +254 712 345 678.", []string{"+254 712 345 678"}},
		{"default.identifier.id-number", "Voice note 1 · 21/09/2024 22:14; account 0000 0000 0000.", nil},
		{"default.date.holiday", "It was Easter Saturday; give on Giving Tuesday; met on Palm Sunday.", []string{"Easter Saturday", "Giving Tuesday", "Palm Sunday"}},
		{"default.date.time", "The show runs 8 to 9 p.m.; shifts 7-11am, at 6 pm.", []string{"8 to 9 p.m.", "7-11am", "6 pm"}},
		{"default.location.venue-amp", "The couple ran Lotus Nails & Spa. Hollis & Sons Produce hired them. Q&A with the Research & Policy team.", []string{"Lotus Nails & Spa", "Hollis & Sons Produce"}},
		{"default.date.time", "- 0840 Referral in.\n- 1200 workers freed\n- 2019 Programme launched", []string{"0840"}},
		{"default.date.time", "On 28 February, half past five in the morning; later at about five in the morning; an hour and a half to three hours.", []string{"half past five in the morning", "about five in the morning"}},
		{"default.date.time", "We left at half five in the morning; it took half an hour.", []string{"half five in the morning"}},
		{"default.location.venue", "Bright Horizons Placement Agency sent her; EuroFlex Staffing and Blue Ridge Premium Poultry hired; a foster placement was found.", []string{"Bright Horizons Placement Agency", "EuroFlex Staffing", "Blue Ridge Premium Poultry"}},
		{"default.identifier.case-number", "our Annual Report 2023-24 and Case No. 2023-0412", []string{"Case No. 2023-0412"}},
		{"default.identifier.case-number", "filed W.P. No. 71384/2023 at the High Court", []string{"W.P. No. 71384/2023"}},
		{"default.location.venue", "hired by Skyline Digital Solutions FZE in", []string{"Skyline Digital Solutions FZE"}},
		{"default.location.venue", "crew hired by Blue Anchor Maritime Services; Wayamba Overseas Employment took fees.", []string{"Blue Anchor Maritime Services", "Wayamba Overseas Employment"}},
		{"default.location.venue", "via Pacific Star Crewing and Bright Horizon Labour Solutions; Hong Yuan Human Resources placed her.", []string{"Pacific Star Crewing", "Bright Horizon Labour Solutions", "Hong Yuan Human Resources"}},
		{"default.identifier.case-number", "in Civil Action No. HBC 214 of 2021, and Suit No. 2231/2023. Take action now.", []string{"Civil Action No. HBC 214 of 2021", "Suit No. 2231/2023"}},
		{"default.identifier.code", "The prosecution file is 2022/48913 at the court. From 2022/2023 the numbers rose.", []string{"2022/48913"}},
		{"default.identifier.code", "The case is before the court, B 1147/23. A 3/4 ratio.", []string{"B 1147/23"}},
		{"default.identifier.case-number", "a state case, Cause No. 1781123, because No. 5 was late", []string{"Cause No. 1781123"}},
		{"default.location.venue", "\"In the bar I did not have a name,\" she said. The Golden Palm Bar closed.", []string{"Golden Palm Bar"}},
		// A shelter's name with the apposition that says it is one.
		{"default.operational.shelter-named", "She stayed at Hope House, our transit home, for a month. We met Maria Santos, our shelter manager.", []string{"Hope House, our transit home"}},
		{"default.location.street-name", "a programme of the Open Road Alliance, near 12 Rose Street", []string{"12 Rose Street"}},
		// A log's day and month before its time; a log's time set off by two spaces.
		{"default.date.numeric-heading", "12.10 06:15  \"Choy\" received.\n- 03/10 19:40 call", []string{"12.10", "03/10"}},
		{"default.date.time", "2142  reply on 19 from a handle\n1200 workers were freed", []string{"2142"}},
		{"default.date.time", "By 9 that evening she was safe; at half past midnight they left.", []string{"9 that evening", "half past midnight"}},
		{"default.identifier.vehicle-plate", "la plaque d'un des camions (4127 GF 01) figure encore", []string{"4127 GF 01", "GF 01"}}, // the merge keeps the longer
		{"default.identifier.plate", "Moto rouge, plaque 11 JK 2048 (immatriculée au Burkina)", []string{"11 JK 2048"}},
		// Christmas timing an event, not the season's appeal or party.
		{"default.date.holiday", "By Christmas none were paid. We met last Christmas, at their Christmas party.", []string{"Christmas", "last Christmas"}},
		{"default.date.holiday", "A Christmas appeal: this Christmas, give.", nil},
		// Regions the gazetteer does not hold, and Isan the language.
		{"default.location.region", "From Upper Egypt to the Midlands, then to Isaan.", []string{"Upper Egypt", "Midlands", "Isaan"}},
		{"default.location.region", "Interviews were held in Thai and Isan; one woman sang Isan songs.", nil},
	})
}

// spanCase is what one built-in rule matches in a text.
type spanCase struct {
	rule, text string
	want       []string
}

// checkSpans compares each rule's matches in its text with want.
func checkSpans(t *testing.T, tests []spanCase) {
	t.Helper()
	set := builtinSet(t)
	for _, tt := range tests {
		r := set.Lookup(tt.rule)
		if r == nil {
			t.Fatalf("no rule %s", tt.rule)
		}
		var got []string
		for _, m := range MatchText(set, r, tt.text) {
			got = append(got, tt.text[m.Start:m.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s on %q:\n got %q\nwant %q", tt.rule, tt.text, got, tt.want)
		}
	}
}
