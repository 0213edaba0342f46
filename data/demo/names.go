package demo

import (
	"math/rand/v2"
	"strings"
)

// personName is one given name or surname as the directory shows it, with the ASCII
// spelling used in UPNs ("" when there is none and the UPN falls back to user<N>).
type personName struct {
	native, ascii string
}

// culture is a pool of names that belong together and how they are displayed.
type culture struct {
	given, surnames []personName
	familyFirst     bool   // display the surname first (East Asian, Vietnamese)
	sep             string // between the two parts of the display name
}

// names turns "José Мария:Maria 민준" into names: the part after a colon is the Latin
// spelling; it (or the name itself) is transliterated, and left empty when that fails.
func names(list string) []personName {
	fields := strings.Fields(list)
	out := make([]personName, len(fields))
	for i, f := range fields {
		native, ascii, ok := strings.Cut(f, ":")
		if !ok {
			ascii = native
		}
		out[i] = personName{native: native, ascii: transliterate(ascii)}
	}
	return out
}

var (
	english = culture{sep: " ",
		given: names("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William " +
			"Barbara Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Daniel Emily Matthew " +
			"Ashley Zoë Liam Olivia Noah Emma Aoife Siobhán Renée"),
		surnames: names("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore " +
			"Martin Jackson Thompson White Harris Clark Lewis Walker O'Brien O'Connor McDonald Murphy " +
			"Kelly Fitzgerald"),
	}
	spanish = culture{sep: " ",
		given: names("José María Ana-María Juan Lucía Sofía Alejandro Camila Andrés Valentina Jesús " +
			"Ramón Inés Íñigo Begoña Martín Carmen Diego"),
		surnames: names("García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez " +
			"Torres Flores Núñez Peña Gómez Díaz Muñoz Ortega"),
	}
	portuguese = culture{sep: " ",
		given:    names("João Gonçalo Conceição Antônio Luís Thiago Beatriz Mariana Letícia Rafael Júlia"),
		surnames: names("Silva Santos Oliveira Souza Araújo Gonçalves Magalhães Ribeiro Carvalho Simões"),
	}
	german = culture{sep: " ",
		given:    names("Lukas Jürgen Anna Sophie Björn Käthe Matthias Lena Jörg Felix Ursula Maximilian"),
		surnames: names("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Koch Groß Brunner Keller"),
	}
	french = culture{sep: " ",
		given:    names("François Amélie Élodie Hélène Jérôme Chloé Noël Mathéo Camille Gaëlle Léa"),
		surnames: names("Dubois Lefèvre Moreau Girard Rousseau Fournier Mercier Lemaître Bézier Laurent"),
	}
	polish = culture{sep: " ",
		given:    names("Łukasz Małgorzata Wojciech Agnieszka Paweł Zofia Krzysztof Jędrzej Katarzyna"),
		surnames: names("Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Dąbrowski Szymańska"),
	}
	nordic = culture{sep: " ",
		given:    names("Søren Bjørn Åsa Mette Lars Ingrid Kjell Sigrún Freja Mikael"),
		surnames: names("Jørgensen Nielsen Hansen Sørensen Åberg Lindqvist Østergaard Johansson Eriksson"),
	}
	greek = culture{sep: " ",
		given: names("Αλέξανδρος:Alexandros Μαρία:Maria Γιώργος:Giorgos Ελένη:Eleni Δημήτρης:Dimitris " +
			"Κατερίνα:Katerina"),
		surnames: names("Παπαδόπουλος:Papadopoulos Νικολάου:Nikolaou Γεωργίου:Georgiou Οικονόμου:Oikonomou"),
	}
	russian = culture{sep: " ",
		given:    names("Мария:Maria Иван:Ivan Ольга:Olga Дмитрий:Dmitry Анна:Anna Сергей:Sergey"),
		surnames: names("Иванова:Ivanova Петров:Petrov Смирнова:Smirnova Кузнецов:Kuznetsov Попова:Popova Соколов:Sokolov"),
	}
	arabic = culture{sep: " ",
		given:    names("محمد:Mohammed فاطمة:Fatima أحمد:Ahmed ليلى:Layla يوسف:Youssef مريم:Mariam"),
		surnames: names("العلي:Al-Ali حسن:Hassan منصور:Mansour خليل:Khalil الحسيني:Al-Husseini"),
	}
	hebrew = culture{sep: " ",
		given:    names("נועה:Noa דוד:David מיכל:Michal יוסף:Yosef תמר:Tamar אברהם:Avraham שירה:Shira"),
		surnames: names("כהן:Cohen לוי:Levi מזרחי:Mizrahi פרץ:Peretz ביטון:Biton אברהמי:Avrahami"),
	}
	turkish = culture{sep: " ",
		given:    names("Ömer Şükrü Çağla Gülşen İlker Elif Emre"),
		surnames: names("Yılmaz Öztürk Çelik Şahin Doğan Aydın"),
	}
	chinese = culture{familyFirst: true,
		given:    names("娜:Na 伟:Wei 芳:Fang 静:Jing 磊:Lei 敏:Min 强:Qiang 秀英:Xiuying 晓明:Xiaoming"),
		surnames: names("李:Li 王:Wang 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang"),
	}
	chineseLatin = culture{sep: " ",
		given:    names("Wei Jing Hao Mei Xin Yan Jun Lin"),
		surnames: names("Zhang Wang Li Chen Liu Zhou Wu"),
	}
	japanese = culture{familyFirst: true, sep: " ",
		given:    names("さくら:Sakura はると:Haruto 陽菜:Hina 蓮:Ren 結衣:Yui 翔太:Shota 美咲:Misaki"),
		surnames: names("佐藤:Sato 鈴木:Suzuki 高橋:Takahashi 田中:Tanaka 渡辺:Watanabe 伊藤:Ito"),
	}
	vietnamese = culture{familyFirst: true, sep: " ",
		given:    names("Ngọc:Ngoc Minh Thảo:Thao Tuấn:Tuan Hương:Huong Đức:Duc Lan Quang"),
		surnames: names("Nguyễn:Nguyen Trần:Tran Lê:Le Phạm:Pham Hoàng:Hoang Võ:Vo Đặng:Dang"),
	}
	// Korean names have no ASCII spelling here, so their UPNs fall back to user<N>.
	korean = culture{familyFirst: true,
		given:    names("민준 서연 지훈 하은 도윤"),
		surnames: names("김 이 박 최 정"),
	}
	thai = culture{sep: " ",
		given: names("สมชาย:Somchai สมศรี:Somsri ณัฐพล:Nattaphon กมลา:Kamala ปรีชา:Preecha " +
			"วันเพ็ญ:Wanphen"),
		surnames: names("ศรีสุข:Srisuk วงศ์ไทย:Wongthai จันทร์เพ็ญ:Chanphen รัตนพงศ์:Rattanaphong " +
			"สุขสวัสดิ์:Suksawat"),
	}
	// hindi is Indian names written in Devanagari, as some directories hold them.
	hindi = culture{sep: " ",
		given:    names("प्रिया:Priya अर्जुन:Arjun अनन्या:Ananya रोहन:Rohan अदिति:Aditi विक्रम:Vikram"),
		surnames: names("शर्मा:Sharma पटेल:Patel गुप्ता:Gupta सिंह:Singh वर्मा:Verma"),
	}
	indian = culture{sep: " ",
		given:    names("Priya Arjun Ananya Rohan Aditi Vikram Sneha Rahul"),
		surnames: names("Sharma Patel Iyer Gupta Reddy Nair Singh"),
	}
)

// weightedCulture is one culture and its share within a region.
type weightedCulture struct {
	c      *culture
	weight int
}

// region is one of the tenant's three regions: its UPN domain and the people living there.
type region struct {
	name     string
	domain   string
	weight   int // share of the people
	cities   []string
	cultures []weightedCulture
}

// The three regions; each has its own verified domain so that "@domain" searches select a region.
var regions = []region{
	{name: "Americas", domain: "contoso-demo.example", weight: 45,
		cities: []string{"New York", "Chicago", "São Paulo", "Toronto", "Mexico City"},
		cultures: []weightedCulture{{&english, 55}, {&spanish, 25}, {&portuguese, 12},
			{&chineseLatin, 4}, {&indian, 4}}},
	{name: "EMEA", domain: "emea.contoso-demo.example", weight: 35,
		cities: []string{"London", "Zürich", "Warsaw", "Copenhagen", "Athens", "Dubai"},
		cultures: []weightedCulture{{&english, 14}, {&german, 18}, {&french, 14}, {&polish, 12},
			{&nordic, 10}, {&greek, 6}, {&russian, 7}, {&arabic, 7}, {&hebrew, 3}, {&turkish, 6}, {&spanish, 6}}},
	{name: "APAC", domain: "apac.contoso-demo.example", weight: 20,
		cities: []string{"Singapore", "Tokyo", "Sydney", "Shanghai", "Hanoi", "Seoul"},
		cultures: []weightedCulture{{&english, 20}, {&chinese, 18}, {&chineseLatin, 8},
			{&japanese, 16}, {&vietnamese, 12}, {&korean, 8}, {&thai, 5}, {&indian, 14},
			{&hindi, 4}}},
}

// department is a directory department with its job titles. The first four are the
// contact-center divisions and also name the divisions of the OU tree.
type department struct {
	name   string
	titles []string
}

var departments = []department{
	{"Sales", []string{"Account Executive", "Sales Representative", "Inside Sales Agent",
		"Key Account Manager", "Sales Manager"}},
	{"Support", []string{"Support Agent", "Senior Support Agent", "Support Engineer",
		"Team Lead", "Support Manager"}},
	{"Operations", []string{"Dispatcher", "Logistics Coordinator", "Operations Analyst",
		"Operations Manager"}},
	{"Finance", []string{"Accountant", "Billing Specialist", "Collections Agent", "Finance Manager"}},
	{"Marketing", []string{"Marketing Specialist", "Content Manager", "Brand Manager"}},
	{"Engineering", []string{"Software Engineer", "QA Engineer", "Engineering Manager"}},
	{"Human Resources", []string{"HR Business Partner", "Recruiter", "HR Manager"}},
	{"Legal", []string{"Legal Counsel", "Paralegal"}},
	{"IT", []string{"System Administrator", "IT Service Desk Agent", "Network Engineer"}},
}

// divisions is how many leading departments are contact-center divisions.
const divisions = 4

// genericTitles are for people without a department ("" included: no title either).
var genericTitles = []string{"Consultant", "Specialist", "Assistant", "Intern", ""}

// foldASCII spells letters with diacritics the way UPNs usually do.
var foldASCII = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ą': "a", 'æ': "ae",
	'ç': "c", 'ć': "c", 'č': "c", 'đ': "d", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e",
	'ğ': "g", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ı': "i", 'ł': "l", 'ñ': "n", 'ń': "n",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'œ': "oe", 'ś': "s", 'š': "s",
	'ş': "s", 'ß': "ss", 'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
}

// transliterate gives the lower-case ASCII spelling of a Latin-script name ("Łukasz" →
// "lukasz", "O'Brien" → "obrien"), or "" when the name has letters it cannot spell.
func transliterate(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r == '-':
			b.WriteRune(r)
		case r == '\'':
		default:
			f, ok := foldASCII[r]
			if !ok {
				return ""
			}
			b.WriteString(f)
		}
	}
	return b.String()
}

// pickWeighted returns an index into weights, chosen with probability proportional to its weight.
func pickWeighted(r *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}
