"""Sample files in each format, as the programs that make them ship them."""

from __future__ import annotations

LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download '
    'their email address using this setting https://www.linkedin.com/psettings/privacy/email."\r\n'
    "\r\n"
)


def linkedin(rows: list[list[str]], *, with_url: bool = True, preamble: bool = True) -> bytes:
    """rows: [first, last, url, email, company, position, connected on] (url dropped if not with_url)."""
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    if not with_url:
        header.remove("URL")
    lines = []
    for row in [header] + rows:
        cells = list(row) if with_url or row is header else [c for i, c in enumerate(row) if i != 2]
        lines.append(",".join(f'"{c}"' if ("," in c or '"' in c) else c for c in cells))
    text = (LINKEDIN_PREAMBLE if preamble else "") + "\r\n".join(lines) + "\r\n"
    return b"\xef\xbb\xbf" + text.encode("utf-8")


LINKEDIN_ROWS = [
    ["Ana", "Pérez", "https://www.linkedin.com/in/ana-perez", "", "Acme, Inc.", "CTO, Platform", "12 Mar 2024"],
    ["Bo", "Li", "https://www.linkedin.com/in/boli", "bo@example.com", "Globex", "Engineer", "01 Feb 2020"],
    ["", "", "https://www.linkedin.com/in/nobody", "", "", "", "3 Jan 2021"],
    ["Chidi", "Okafor", "https://www.linkedin.com/in/chidi", "", "Initech", "Recruiter", "someday"],
]

GOOGLE_CURRENT = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,Birthday,Notes,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - Label,Address 1 - City,Address 1 - Country,Organization Name,Organization Title,"
    "Website 1 - Label,Website 1 - Value\r\n"
    "Dana,,Smith,,,,--04-12,Met at PyCon,* myContacts ::: Mentors ::: Python,"
    "* Work,dana@work.com ::: dana.smith@work.com,Home,dana@home.net,Mobile,+44 20 7946 0958,"
    "Home,London,UK,Umbrella,Head of Data,Profile,https://www.linkedin.com/in/danasmith\r\n"
    ",,,,,,,,* myContacts,,,,,,,,,,,,,\r\n"
    "Eve,,Adams,,,,,,* starred,,eve@example.org,,,,,,,,,,,\r\n"
)

GOOGLE_LEGACY = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Birthday,Notes,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,"
    "Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value\r\n"
    "Frank Ocean,Frank,,Ocean,,,\"Notes, with a comma\",* My Contacts ::: Friends,"
    "* Home,frank@ocean.io ::: f@ocean.io,Mobile,(415) 555-0134,,Blonde Co,Singer,Blog,https://frank.example\r\n"
)

VCARD_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
    "ORG:Stark Industries\r\n"
    "TITLE:Engineer\r\n"
    "TEL;WORK;VOICE:+49 30 901820\r\n"
    "TEL;CELL:+49 151 23456789\r\n"
    "EMAIL;PREF;INTERNET:juergen@stark.example\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0Asecond line that is long and soft=\r\n"
    " broken\r\n"
    "END:VCARD\r\n"
)

VCARD_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.0//EN\r\n"
    "N:Pérez;Ana;;;\r\n"
    "FN:Ana Pérez\r\n"
    "ORG:Acme\\, Inc.;Platform\r\n"
    "TITLE:CTO\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:ana@acme.example\r\n"
    "item1.X-ABLabel:_$!<Work>!$_\r\n"
    "item2.EMAIL;type=INTERNET:ana.perez@home.example\r\n"
    "item2.X-ABLabel:Personal\r\n"
    "TEL;type=CELL;type=VOICE:+1 (415) 555-0100\r\n"
    "item3.URL;type=pref:https://www.linkedin.com/in/ana-perez/\r\n"
    "item3.X-ABLabel:LinkedIn\r\n"
    "ADR;type=WORK:;;1 Main St;Lisbon;;1000;Portugal\r\n"
    "NOTE:Met at the Lisbon meetup. She offered to introduce me to her CFO and this note is lo\r\n"
    " ng enough to be folded.\r\n"
    "CATEGORIES:Mentors,Fintech\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Broken Card\r\n"
    "N:Card;Broken\r\n"
    "EMAIL;TYPE=INTERNET broken line without colon\r\n"
    "END:VCARD\r\n"
)

VCARD_40 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Hiroshi Tanaka\r\n"
    "N:Tanaka;Hiroshi;;;\r\n"
    "EMAIL;TYPE=work:hiroshi@example.jp\r\n"
    "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+81-90-1234-5678\r\n"
    "ORG:Nakatomi Trading\r\n"
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "ORG:Only An Organisation\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "NOTE:no name at all\r\n"
    "END:VCARD\r\n"
)

OUTLOOK_HEADER = (
    "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,"
    "E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,"
    "Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,"
    "Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,"
    "Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,"
    "Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,"
    "Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,"
    "Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes,Categories"
)


def outlook(rows: list[dict[str, str]], *, header: str = OUTLOOK_HEADER, encoding: str = "utf-8-sig") -> bytes:
    """Rows by column name, written under Outlook's header with CRLF line ends."""
    names = header.split(",")
    lines = [header]
    for row in rows:
        cells = []
        for name in names:
            value = row.get(name, "")
            cells.append('"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\r\n') else value)
        lines.append(",".join(cells))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


OUTLOOK_ROWS = [
    {
        "First Name": "Grace", "Middle Name": "B.", "Last Name": "Hopper", "Title": "Dr.",
        "E-mail Address": "grace@navy.example", "E-mail 2 Address": "grace.hopper@home.example",
        "Business Phone": "+1 202 555 0101", "Mobile Phone": "+1 202 555 0199",
        "Job Title": "Rear Admiral", "Company": "US Navy", "Business City": "Arlington",
        "Business State": "VA", "Business Country/Region": "United States",
        "Web Page": "https://www.linkedin.com/in/gracehopper", "Birthday": "12/9/1906",
        "Notes": "Met at the COBOL meeting.\r\nSecond line, with a comma.", "Categories": "Mentors;Navy",
    },
    {"Company": "Nobody Ltd", "Job Title": "Ghost"},
    {"E-mail Address": "only.mail@example.com", "Categories": "(none)"},
    {"First Name": "René", "Last Name": "Lévesque", "Home City": "Montréal", "Web Page": "http://rene.example"},
]

# Outlook 2003 and older: a type and a display name beside each address; Exchange senders hold an
# X.500 path instead of an address. Written in the Windows code page.
OUTLOOK_LEGACY = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department","Job Title",'
    '"Business Street","Business City","Business State","Business Postal Code","Business Country",'
    '"Business Phone","Mobile Phone","Categories","E-mail Address","E-mail Type","E-mail Display Name",'
    '"E-mail 2 Address","E-mail 2 Type","E-mail 2 Display Name","Notes"\r\n'
    '"","Jürgen","","Müller","","Stark Industries","","Ingenieur","","Köln","","","Deutschland",'
    '"+49 221 123456","","Kunden","/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jmueller","EX",'
    '"Jürgen Müller","juergen@stark.example","SMTP","Jürgen Müller (juergen@stark.example)","Läuft über\r\nzwei Zeilen"\r\n'
).encode("cp1252")

THUNDERBIRD_HEADER = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,"
    "Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,"
    "Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,"
    "Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,"
    "Custom 2,Custom 3,Custom 4,Notes"
)


def thunderbird(rows: list[dict[str, str]], *, header: str = THUNDERBIRD_HEADER, encoding: str = "utf-8") -> bytes:
    """Rows by column name, as Thunderbird writes them: CRLF, a trailing comma on each line."""
    names = header.split(",")
    lines = [header + ","]
    for row in rows:
        cells = []
        for name in names:
            value = row.get(name, "")
            cells.append('"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\r\n') else value)
        lines.append(",".join(cells) + ",")
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


THUNDERBIRD_ROWS = [
    {
        "First Name": "Linus", "Last Name": "Torvalds", "Display Name": "Linus Torvalds",
        "Primary Email": "linus@kernel.example", "Secondary Email": "lt@home.example",
        "Work Phone": "+1 503 555 0111", "Mobile Number": "+1 503 555 0112", "Work City": "Portland",
        "Work State": "OR", "Work Country": "USA", "Job Title": "Fellow", "Organization": "Linux Foundation",
        "Web Page 1": "https://kernel.example", "Web Page 2": "https://www.linkedin.com/in/linus",
        "Birth Year": "1969", "Birth Month": "12", "Birth Day": "28",
        "Notes": "Kernel maintainer.\r\nLikes \"git\", hates C++.",
    },
    {"Display Name": "", "Organization": "No One Inc"},
    {"Primary Email": "list@lists.example"},
    {"First Name": "Zoë", "Last Name": "Keating", "Home City": "Vermont"},
]

# A German Outlook export: the header in German, in the Windows code page.
OUTLOOK_GERMAN = (
    '"Anrede","Vorname","Weitere Vornamen","Nachname","Suffix","Firma","Abteilung","Position",'
    '"Straße geschäftlich","Ort geschäftlich","Region geschäftlich","Postleitzahl geschäftlich",'
    '"Land/Region geschäftlich","Telefon geschäftlich","Mobiltelefon","Telefon privat","Kategorien",'
    '"E-Mail-Adresse","E-Mail-Typ","E-Mail: Angezeigter Name","E-Mail 2: Adresse","E-Mail 2: Typ","Notizen","Webseite"\r\n'
    '"Frau","Käthe","","Schröder","","Bäckerei Schröder GmbH","","Inhaberin","Hauptstraße 1","München",'
    '"Bayern","80331","Deutschland","+49 89 123456","+49 170 1234567","","Lieferanten",'
    '"kaethe@baeckerei.example","SMTP","Käthe Schröder (kaethe@baeckerei.example)","","",'
    '"Brötchen jeden Morgen","https://baeckerei.example"\r\n'
    '"","","","","","Leer GmbH","","","","","","","","","","","","","","","","","",""\r\n'
).encode("cp1252")
