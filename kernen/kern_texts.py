"""The demo's introduction of each of the 26 kernen of West Betuwe, in Dutch, English and
Polish: what the place is known for, each told its own way (``kernen.demo.kern_intro``,
``kernen.translations_demo``). A kern not listed here gets a plain sentence."""

#: slug: (Dutch, English, Polish)
INTROS = {
    "acquoy": (
        "Acquoy is een van de kleinste dorpen van West Betuwe, aan een bocht van de Linge. "
        "Iedereen kent de scheve kerktoren, die al eeuwen schuin staat.",
        "Acquoy is one of the smallest villages of West Betuwe, on a bend of the Linge. Everyone "
        "knows its leaning church tower, which has stood askew for centuries.",
        "Acquoy to jedna z najmniejszych wsi West Betuwe, na zakolu rzeki Linge. Wszyscy znają "
        "tutejszą krzywą wieżę kościoła, która od wieków stoi przechylona.",
    ),
    "asperen": (
        "Vestingstadje Asperen kreeg in 1313 stadsrechten. Aan de overkant van de Linge ligt "
        "Fort Asperen, onderdeel van de Nieuwe Hollandse Waterlinie.",
        "The small fortified town of Asperen received town rights in 1313. Across the Linge lies "
        "Fort Asperen, part of the New Dutch Waterline.",
        "Małe warowne miasteczko Asperen otrzymało prawa miejskie w 1313 roku. Po drugiej "
        "stronie rzeki Linge stoi Fort Asperen, część Nowej Holenderskiej Linii Wodnej.",
    ),
    "beesd": (
        "Beesd ligt tussen de Linge en de A2, met een station en een levendige Markt. Net "
        "buiten het dorp ligt landgoed Mariënwaerdt, met boerderijwinkel en wandelpaden.",
        "Beesd lies between the Linge and the A2 motorway, with a railway station and a lively "
        "market square. Just outside the village is the Mariënwaerdt estate, with a farm shop "
        "and walking trails.",
        "Beesd leży między rzeką Linge a autostradą A2, ma stację kolejową i gwarny rynek. Tuż "
        "za wsią znajduje się posiadłość Mariënwaerdt ze sklepem z produktami z gospodarstwa i "
        "szlakami pieszymi.",
    ),
    "buurmalsen": (
        "In Buurmalsen stopt de trein tussen Geldermalsen en Leerdam. Het dorp ligt aan de "
        "Linge, met een oude dorpskerk tussen de boomgaarden.",
        "In Buurmalsen the train between Geldermalsen and Leerdam stops. The village lies on "
        "the Linge, with an old village church among the orchards.",
        "W Buurmalsen zatrzymuje się pociąg między Geldermalsen a Leerdam. Wieś leży nad rzeką "
        "Linge, a jej stary kościół stoi wśród sadów.",
    ),
    "deil": (
        "Deil kent iedereen van het knooppunt van de A2 en de A15, maar in het dorp zelf is het "
        "rustig. Molen De Vlinder malt hier nog op windkracht.",
        "Everyone knows Deil from the junction of the A2 and A15 motorways, but the village "
        "itself is quiet. The De Vlinder windmill still grinds by wind power here.",
        "Wszyscy znają Deil z węzła autostrad A2 i A15, ale w samej wsi jest spokojnie. Wiatrak "
        "De Vlinder wciąż miele tu zboże siłą wiatru.",
    ),
    "enspijk": (
        "Enspijk is een lintdorp langs de Linge, omringd door boomgaarden. In het voorjaar "
        "fietsen mensen van heinde en verre door de bloesem.",
        "Enspijk is a ribbon village along the Linge, surrounded by orchards. In spring people "
        "come from far and wide to cycle through the blossom.",
        "Enspijk to wieś ulicówka wzdłuż rzeki Linge, otoczona sadami. Wiosną ludzie "
        "przyjeżdżają z daleka, by jeździć rowerem wśród kwitnących drzew.",
    ),
    "est": (
        "Est is klein: een kerk, een paar straten en veel fruitbomen. Juist daardoor kennen "
        "de inwoners elkaar en helpen ze elkaar.",
        "Est is small: a church, a few streets and many fruit trees. That is exactly why the "
        "residents know each other and help each other out.",
        "Est jest mała: kościół, kilka ulic i mnóstwo drzew owocowych. Właśnie dlatego "
        "mieszkańcy się znają i sobie pomagają.",
    ),
    "geldermalsen": (
        "Geldermalsen is de grootste kern van West Betuwe, met het gemeentehuis, een "
        "intercitystation en de meeste winkels. Een VOC-schip uit 1746 droeg de naam van de "
        "stad.",
        "Geldermalsen is the largest kern of West Betuwe, with the town hall, an intercity "
        "station and most of the shops. A Dutch East India Company ship of 1746 bore the town's "
        "name.",
        "Geldermalsen to największa miejscowość West Betuwe: jest tu ratusz, stacja pociągów "
        "intercity i najwięcej sklepów. Statek Kompanii Wschodnioindyjskiej z 1746 roku nosił "
        "nazwę tego miasta.",
    ),
    "gellicum": (
        "Gellicum ligt tussen de Linge en de spoorlijn, tussen weilanden en fruitpercelen. Het "
        "dorpshuis is het hart van het dorp.",
        "Gellicum lies between the Linge and the railway, among meadows and fruit plots. The "
        "village hall is the heart of the village.",
        "Gellicum leży między rzeką Linge a linią kolejową, wśród łąk i sadów. Świetlica "
        "wiejska jest sercem wsi.",
    ),
    "haaften": (
        "Haaften ligt aan de Waal, met een haven en uiterwaarden om in te wandelen. Van het "
        "oude slot staat alleen nog een ruïne.",
        "Haaften lies on the Waal, with a harbour and floodplains to walk in. Of the old castle "
        "only a ruin remains.",
        "Haaften leży nad rzeką Waal, ma port i tereny zalewowe do spacerów. Ze starego zamku "
        "zostały tylko ruiny.",
    ),
    "heesselt": (
        "Heesselt is een van de kleinste kernen: een handvol huizen achter de Waaldijk. Wie "
        "hier woont, kijkt uit over de rivier en de schepen.",
        "Heesselt is one of the smallest kernen: a handful of houses behind the Waal dike. "
        "Those who live here look out over the river and its ships.",
        "Heesselt to jedna z najmniejszych miejscowości: garść domów za wałem nad rzeką Waal. "
        "Mieszkańcy patrzą na rzekę i płynące statki.",
    ),
    "hellouw": (
        "Hellouw ligt aan de Waaldijk, tussen Haaften en Tuil. Het dorp heeft een eigen "
        "dorpshuis en een actieve dorpsvereniging.",
        "Hellouw lies on the Waal dike, between Haaften and Tuil. The village has its own "
        "village hall and an active village association.",
        "Hellouw leży przy wale nad rzeką Waal, między Haaften a Tuil. Wieś ma własną "
        "świetlicę i aktywne stowarzyszenie mieszkańców.",
    ),
    "herwijnen": (
        "Herwijnen ligt aan de Waal, tussen Vuren en Haaften. In de uiterwaarden werden "
        "eeuwenlang bakstenen gemaakt van rivierklei.",
        "Herwijnen lies on the Waal, between Vuren and Haaften. For centuries bricks were made "
        "from river clay in its floodplains.",
        "Herwijnen leży nad rzeką Waal, między Vuren a Haaften. Przez wieki na terenach "
        "zalewowych wyrabiano tu cegły z rzecznej gliny.",
    ),
    "heukelum": (
        "Heukelum is een stadje met stadsrechten en een Lingedijk vol monumenten. Vanaf de "
        "oude stadswal zie je de rivier en de weilanden.",
        "Heukelum is a small town with town rights and a Linge dike full of listed buildings. "
        "From the old town wall you see the river and the meadows.",
        "Heukelum to miasteczko z prawami miejskimi i wałem nad Linge pełnym zabytków. Ze "
        "starego wału miejskiego widać rzekę i łąki.",
    ),
    "meteren": (
        "Meteren groeit: naast het oude dorp liggen nieuwe wijken zoals De Plantage. Jonge "
        "gezinnen en oude Meterenaren bouwen samen aan het dorp.",
        "Meteren is growing: beside the old village lie new neighbourhoods such as De Plantage. "
        "Young families and long-time residents build the village together.",
        "Meteren się rozrasta: obok starej wsi powstały nowe osiedla, takie jak De Plantage. "
        "Młode rodziny i dawni mieszkańcy wspólnie dbają o wieś.",
    ),
    "neerijnen": (
        "In Neerijnen staat kasteel Neerijnen, jarenlang het gemeentehuis van de oude gemeente. "
        "Het park rond het kasteel is open voor wandelaars.",
        "Neerijnen is home to Neerijnen castle, for years the town hall of the former "
        "municipality. The park around the castle is open to walkers.",
        "W Neerijnen stoi zamek Neerijnen, przez lata siedziba dawnej gminy. Park wokół zamku "
        "jest otwarty dla spacerowiczów.",
    ),
    "ophemert": (
        "Ophemert ligt aan de Waal, met een kasteel en een dorpskern vol oude boerderijen. "
        "Fruittelers verkopen hier in het seizoen aan huis.",
        "Ophemert lies on the Waal, with a castle and a village centre full of old farmhouses. "
        "In season, fruit growers sell from their doorsteps.",
        "Ophemert leży nad rzeką Waal; ma zamek i centrum pełne starych gospodarstw. W sezonie "
        "sadownicy sprzedają owoce prosto z domu.",
    ),
    "opijnen": (
        "Opijnen is een dijkdorp aan de Waal. De dorpsvereniging organiseert elk jaar de "
        "feestweek, het hoogtepunt van de zomer.",
        "Opijnen is a dike village on the Waal. Each year the village association organises "
        "the festival week, the highlight of the summer.",
        "Opijnen to wieś na wale nad rzeką Waal. Co roku stowarzyszenie mieszkańców organizuje "
        "tydzień festynu, najważniejsze wydarzenie lata.",
    ),
    "rhenoy": (
        "Rhenoy is een klein dorp aan de Linge, met een kleine dorpskerk. Het is "
        "een geliefde plek voor fietsers en kanoërs.",
        "Rhenoy is a small village on the Linge, with a small village church. It is "
        "a favourite spot for cyclists and canoeists.",
        "Rhenoy to mała wieś nad rzeką Linge, z małym wiejskim kościołem. To "
        "ulubione miejsce rowerzystów i kajakarzy.",
    ),
    "rumpt": (
        "Rumpt ligt tussen Linge en Lek, op een stroomrug tussen de weilanden. De inwoners "
        "houden het dorpshuis zelf draaiende.",
        "Rumpt lies between the Linge and the Lek, on a river ridge among the meadows. The "
        "residents keep the village hall running themselves.",
        "Rumpt leży między rzekami Linge a Lek, na grzbiecie nadrzecznym wśród łąk. Mieszkańcy "
        "sami prowadzą świetlicę wiejską.",
    ),
    "spijk": (
        "Spijk is een polderdorp in het westen van de gemeente, dicht bij Gorinchem. Rond het "
        "dorp liggen weilanden en boerenbedrijven.",
        "Spijk is a polder village in the west of the municipality, close to Gorinchem. Meadows "
        "and farms surround the village.",
        "Spijk to wieś polderowa na zachodzie gminy, blisko Gorinchem. Wokół wsi rozciągają "
        "się łąki i gospodarstwa.",
    ),
    "tricht": (
        "Tricht ligt tegen Geldermalsen aan, maar voelt als een echt dorp. Er is een "
        "basisschool, een sportpark en een drukbezocht dorpshuis.",
        "Tricht borders Geldermalsen but feels like a real village. It has a primary school, a "
        "sports park and a busy village hall.",
        "Tricht graniczy z Geldermalsen, ale jest prawdziwą wsią. Jest tu szkoła podstawowa, "
        "park sportowy i chętnie odwiedzana świetlica.",
    ),
    "tuil": (
        "Tuil ligt aan de Waal, tegenover Zaltbommel. Vanaf de dijk zie je de toren van "
        "Zaltbommel en de bruggen over de rivier.",
        "Tuil lies on the Waal, opposite Zaltbommel. From the dike you see Zaltbommel's tower "
        "and the bridges over the river.",
        "Tuil leży nad rzeką Waal, naprzeciwko Zaltbommel. Z wału widać wieżę Zaltbommel i "
        "mosty na rzece.",
    ),
    "varik": (
        "Varik is een dijkdorp aan de Waal met een kade en een oude kerk. De uiterwaarden zijn "
        "natuurgebied: je ziet er grazers en veel vogels.",
        "Varik is a dike village on the Waal with a quay and an old church. The floodplains are "
        "a nature reserve, with grazing cattle and many birds.",
        "Varik to wieś na wale nad rzeką Waal, z nabrzeżem i starym kościołem. Tereny zalewowe "
        "są rezerwatem przyrody: pasą się tam zwierzęta i żyje wiele ptaków.",
    ),
    "vuren": (
        "Vuren ligt waar de Waal de Merwede wordt. Fort Vuren, uit de Nieuwe Hollandse "
        "Waterlinie, is nu een plek voor natuur en rust.",
        "Vuren lies where the Waal becomes the Merwede. Fort Vuren, part of the New Dutch "
        "Waterline, is now a place of nature and quiet.",
        "Vuren leży tam, gdzie rzeka Waal przechodzi w Merwede. Fort Vuren, część Nowej "
        "Holenderskiej Linii Wodnej, jest dziś miejscem przyrody i ciszy.",
    ),
    "waardenburg": (
        "Waardenburg ligt aan de Waal bij de brug van de A2. In het dorp staat kasteel "
        "Waardenburg, en aan de dijk een haven voor pleziervaart.",
        "Waardenburg lies on the Waal by the A2 bridge. The village has Waardenburg castle, and "
        "a marina on the dike.",
        "Waardenburg leży nad rzeką Waal, przy moście autostrady A2. We wsi stoi zamek "
        "Waardenburg, a przy wale jest przystań dla łodzi rekreacyjnych.",
    ),
}

#: The kern page's closing paragraph on the kernagenda, told one of these ways ({name}: the kern).
AGENDA_INVITATIONS = [
    (
        "Bewoners, de dorpsvereniging en de gemeente maken samen een kernagenda: de plannen en "
        "wensen voor {name}. Wil je meedoen of heb je een idee? Neem contact op met de "
        "dorpsvereniging of met de gebiedsmakelaar van de gemeente.",
        "Residents, the village association and the municipality make a kernagenda together: "
        "the plans and wishes for {name}. Would you like to join in, or do you have an idea? "
        "Contact the village association or the municipality's area broker.",
        "Mieszkańcy, stowarzyszenie wiejskie i gmina wspólnie tworzą agendę miejscowości: plany "
        "i potrzeby {name}. Chcesz się przyłączyć albo masz pomysł? Skontaktuj się ze "
        "stowarzyszeniem wiejskim lub z opiekunem obszaru z gminy.",
    ),
    (
        "Wat moet er beter in {name}? In de kernagenda staat wat inwoners willen en wie het "
        "oppakt. Elk voorjaar bespreekt de dorpsvereniging met de gemeente hoe ver alles is.",
        "What should be better in {name}? The kernagenda lists what residents want and who "
        "takes it up. Every spring the village association and the municipality go over how "
        "far everything has got.",
        "Co można poprawić w {name}? Agenda miejscowości pokazuje, czego chcą mieszkańcy i kto "
        "się tym zajmuje. Każdej wiosny stowarzyszenie wiejskie omawia z gminą postępy.",
    ),
    (
        "Een idee voor {name} begint vaak aan de keukentafel. Zet het op de kernagenda: de "
        "dorpsvereniging zoekt mensen die meehelpen en de gemeente denkt mee over geld en "
        "vergunningen.",
        "An idea for {name} often starts at the kitchen table. Put it on the kernagenda: the "
        "village association looks for people to help, and the municipality helps with money "
        "and permits.",
        "Pomysł dla {name} często rodzi się przy kuchennym stole. Dodaj go do agendy "
        "miejscowości: stowarzyszenie wiejskie szuka chętnych do pomocy, a gmina doradza w "
        "sprawie pieniędzy i pozwoleń.",
    ),
    (
        "In {name} houden vrijwilligers het dorp samen levendig. Op de kernagenda zie je waar "
        "ze nu aan werken; bij elk punt staat of je kunt meedoen.",
        "In {name}, volunteers keep the village lively together. The kernagenda shows what "
        "they are working on now; each point says whether you can join in.",
        "W {name} wolontariusze wspólnie dbają o życie wsi. W agendzie miejscowości widać, nad "
        "czym teraz pracują; przy każdym punkcie jest informacja, czy możesz się przyłączyć.",
    ),
]


def agenda_invitation(slug: str, language: str = "nl") -> str:
    """The closing paragraph of the kern ``slug``, in ``language``, with ``{name}`` to fill."""
    index = sorted(INTROS).index(slug) % len(AGENDA_INVITATIONS) if slug in INTROS else 0
    return AGENDA_INVITATIONS[index][("nl", "en", "pl").index(language)]
