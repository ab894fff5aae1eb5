/* gen_input.c - writes a deterministic bilan input folder of a given size,
 * for the benchmark (bench/run.sh).
 *
 *     gen_input [-c] [-a ACCOUNTS] [-g GROUPS] [-k COUNTERPARTIES]
 *               [-p PARTNERS] [-r REGIONS] [-x AXES] [-t TYPES] [-m PEOPLE]
 *               [-n ACTIVITIES] LINES DIR
 *
 * DIR receives report.ini, accounts.csv (60 accounts), ledger.csv (LINES
 * lines), activities.csv (LINES/10 rows), people.csv and expected.txt: the
 * totals that figures.json must show, computed here independently of bilan.
 * The axes and report.ini settings are those the default template refers
 * to; the narrative texts are the sample's (bench/run.sh copies them).
 * The rows cover three fiscal years (2011-2012 to 2013-2014, ending 03-31),
 * sorted by date as accounting software exports them.  The number of
 * distinct accounts, counterparties, partners and regions does not grow with
 * LINES, so bilan's memory should not either.  -c writes debit and credit
 * columns instead of a signed amount.  The other options replace a pool by
 * a synthetic one of that many names, used in turn so that each appears
 * once LINES (or ACTIVITIES) reach it: the doubling table of the bench
 * grows one of them at a time (accounts, alternately revenue and expense,
 * in GROUPS groups per kind; counterparties, funders on revenue lines and
 * suppliers on expense lines; partners, regions, axes, (axis, type) pairs,
 * people); -n sets the activity rows (default LINES/10).  The same arguments always give the
 * same bytes: the generator has its own pseudo-random sequence. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define YEARS 3
#define FIRST_YEAR 2012        /* fiscal 2011-2012 is the oldest */
#define REPORT_YEAR 2014

typedef enum kind { K_REVENUE, K_EXPENSE, K_ASSET, K_LIABILITY, K_EQUITY } kind;

typedef struct account_def {
    const char *code, *name, *group;
    kind kind;
    int weight;                /* relative share of the ledger lines */
    int64_t typical;           /* typical amount, in cents */
} account_def;

static const char *const kind_names[] = {"revenue", "expense", "asset",
                                         "liability", "equity"};

static const account_def default_accounts[] = {
    {"1010", "Encaisse", "Actif", K_ASSET, 4, 50000},
    {"1020", "Caisse populaire - compte courant", "Actif", K_ASSET, 6, 250000},
    {"1100", "Comptes clients", "Actif", K_ASSET, 3, 120000},
    {"1200", "Subventions à recevoir", "Actif", K_ASSET, 1, 900000},
    {"1300", "Frais payés d'avance", "Actif", K_ASSET, 1, 60000},
    {"1500", "Équipement informatique", "Actif", K_ASSET, 1, 150000},
    {"2100", "Comptes fournisseurs", "Passif", K_LIABILITY, 4, 80000},
    {"2200", "Salaires à payer", "Passif", K_LIABILITY, 2, 300000},
    {"2400", "Produits reportés", "Passif", K_LIABILITY, 1, 500000},
    {"3100", "Actif net non affecté", "Actif net", K_EQUITY, 1, 1000000},
    {"4010", "Centraide du Grand Montréal", "Subventions", K_REVENUE, 3, 1500000},
    {"4020", "Ministère de l'Emploi et de la Solidarité sociale", "Subventions", K_REVENUE, 2, 2000000},
    {"4030", "Ville de Montréal", "Subventions", K_REVENUE, 2, 800000},
    {"4040", "Fondation Lucie et André Chagnon", "Subventions", K_REVENUE, 2, 2500000},
    {"4050", "Emploi-Québec", "Subventions", K_REVENUE, 1, 600000},
    {"4060", "Secrétariat à l'action communautaire autonome", "Subventions", K_REVENUE, 1, 1200000},
    {"4110", "Formations - inscriptions", "Revenus autonomes", K_REVENUE, 8, 35000},
    {"4120", "Accompagnement - contrats", "Revenus autonomes", K_REVENUE, 5, 180000},
    {"4130", "Conférences et ateliers", "Revenus autonomes", K_REVENUE, 4, 60000},
    {"4140", "Publications et outils", "Revenus autonomes", K_REVENUE, 3, 4500},
    {"4150", "Location de salles", "Revenus autonomes", K_REVENUE, 2, 25000},
    {"4210", "Dons individuels", "Dons et commandites", K_REVENUE, 4, 10000},
    {"4220", "Commandites d'entreprises", "Dons et commandites", K_REVENUE, 1, 250000},
    {"4230", "Activité-bénéfice", "Dons et commandites", K_REVENUE, 1, 150000},
    {"4310", "Intérêts", "Autres revenus", K_REVENUE, 1, 1200},
    {"4320", "Revenus divers", "Autres revenus", K_REVENUE, 1, 8000},
    {"5010", "Salaires - équipe permanente", "Salaires et charges sociales", K_EXPENSE, 8, 210000},
    {"5020", "Salaires - contractuels", "Salaires et charges sociales", K_EXPENSE, 4, 120000},
    {"5030", "Charges sociales", "Salaires et charges sociales", K_EXPENSE, 6, 30000},
    {"5040", "Assurance collective", "Salaires et charges sociales", K_EXPENSE, 2, 40000},
    {"5050", "Régime de retraite", "Salaires et charges sociales", K_EXPENSE, 2, 25000},
    {"5110", "Honoraires - vérification", "Honoraires professionnels", K_EXPENSE, 1, 450000},
    {"5120", "Honoraires - consultants", "Honoraires professionnels", K_EXPENSE, 2, 150000},
    {"5130", "Honoraires - formateurs externes", "Honoraires professionnels", K_EXPENSE, 3, 90000},
    {"5140", "Honoraires - traduction", "Honoraires professionnels", K_EXPENSE, 1, 40000},
    {"5210", "Loyer", "Frais de fonctionnement", K_EXPENSE, 2, 280000},
    {"5220", "Électricité et chauffage", "Frais de fonctionnement", K_EXPENSE, 2, 18000},
    {"5230", "Télécommunications", "Frais de fonctionnement", K_EXPENSE, 2, 12000},
    {"5240", "Fournitures de bureau", "Frais de fonctionnement", K_EXPENSE, 5, 6000},
    {"5250", "Assurances", "Frais de fonctionnement", K_EXPENSE, 1, 90000},
    {"5260", "Frais bancaires", "Frais de fonctionnement", K_EXPENSE, 4, 1500},
    {"5270", "Entretien et réparations", "Frais de fonctionnement", K_EXPENSE, 2, 20000},
    {"5280", "Cotisations et abonnements", "Frais de fonctionnement", K_EXPENSE, 2, 15000},
    {"5290", "Logiciels et licences", "Frais de fonctionnement", K_EXPENSE, 2, 25000},
    {"5310", "Frais de déplacement", "Frais d'activités", K_EXPENSE, 6, 9000},
    {"5320", "Frais de séjour", "Frais d'activités", K_EXPENSE, 3, 22000},
    {"5330", "Location de salles", "Frais d'activités", K_EXPENSE, 3, 35000},
    {"5340", "Repas et collations", "Frais d'activités", K_EXPENSE, 5, 12000},
    {"5350", "Matériel pédagogique", "Frais d'activités", K_EXPENSE, 3, 8000},
    {"5360", "Frais d'animation", "Frais d'activités", K_EXPENSE, 2, 30000},
    {"5410", "Site Web", "Communications", K_EXPENSE, 1, 60000},
    {"5420", "Impression et photocopies", "Communications", K_EXPENSE, 3, 9000},
    {"5430", "Publicité et promotion", "Communications", K_EXPENSE, 1, 40000},
    {"5440", "Graphisme", "Communications", K_EXPENSE, 1, 50000},
    {"5510", "Formation du personnel", "Formation du personnel", K_EXPENSE, 1, 45000},
    {"5520", "Colloques et congrès", "Formation du personnel", K_EXPENSE, 1, 70000},
    {"5610", "Amortissement - équipement", "Amortissement", K_EXPENSE, 1, 80000},
    {"5620", "Amortissement - améliorations locatives", "Amortissement", K_EXPENSE, 1, 60000},
    {"5710", "Frais de représentation", "Frais de fonctionnement", K_EXPENSE, 2, 7000},
    {"5720", "Frais de poste et messagerie", "Frais de fonctionnement", K_EXPENSE, 2, 2500},
};
#define DEFAULT_ACCOUNT_COUNT (sizeof default_accounts / sizeof default_accounts[0])

/* The accounts written: the table above, or synthetic ones (-a). */
static const account_def *accounts = default_accounts;
static size_t account_count = DEFAULT_ACCOUNT_COUNT;
#define ACCOUNT_COUNT account_count

/* The synthetic pools' sizes; 0 keeps the default pool. */
typedef struct pools {
    unsigned long accounts, groups, counterparties, partners, regions, axes, types, people;
} pools;

static pools pool;

static const char *const funders[] = {
    "Centraide du Grand Montréal", "Ministère de l'Emploi et de la Solidarité sociale",
    "Ville de Montréal", "Fondation Lucie et André Chagnon", "Emploi-Québec",
    "SACAIS", "Desjardins", "Fondation McConnell", "Avenir d'enfants",
    "Québec en forme",
};

static const char *const places[] = {
    "Montréal-Nord", "Saint-Michel", "Hochelaga-Maisonneuve", "Rosemont",
    "Villeray", "Parc-Extension", "Côte-des-Neiges", "Verdun", "LaSalle",
    "Lachine", "Pointe-aux-Trembles", "Rivière-des-Prairies", "Anjou",
    "Saint-Léonard", "Ahuntsic", "Cartierville", "Pierrefonds", "Saint-Laurent",
    "Plateau-Mont-Royal", "Centre-Sud", "Sherbrooke", "Trois-Rivières",
    "Gatineau", "Longueuil", "Laval", "Québec", "Rimouski", "Saguenay",
    "Drummondville", "Granby", "Joliette", "Saint-Jérôme", "Val-d'Or",
    "Sept-Îles", "Gaspé", "Victoriaville",
};
#define PLACE_COUNT (sizeof places / sizeof places[0])

static const char *const partner_kinds[] = {
    "Table de quartier", "Centre communautaire", "Comité logement",
    "Carrefour jeunesse-emploi", "Corporation de développement communautaire",
    "Maison de la famille", "Regroupement des organismes",
    "Coalition", "Forum citoyen",
};
#define PARTNER_KIND_COUNT (sizeof partner_kinds / sizeof partner_kinds[0])

static const char *const regions[] = {
    "Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean", "Capitale-Nationale",
    "Mauricie", "Estrie", "Montréal", "Outaouais", "Abitibi-Témiscamingue",
    "Côte-Nord", "Nord-du-Québec", "Gaspésie–Îles-de-la-Madeleine",
    "Chaudière-Appalaches", "Laval", "Lanaudière", "Laurentides",
    "Montérégie", "Centre-du-Québec",
};
#define REGION_COUNT (sizeof regions / sizeof regions[0])

typedef struct activity_type {
    const char *axis, *type;
    int weight;
} activity_type;

static const activity_type activity_types[] = {
    {"Accompagnement", "Coaching", 6},
    {"Accompagnement", "Accompagnement de projet", 4},
    {"Formation", "Formation", 6},
    {"Formation", "Atelier", 3},
    {"Mobilisation des connaissances", "Conférence", 2},
    {"Mobilisation des connaissances", "Focus group", 1},
    {"Mobilisation des connaissances", "Grand Rendez-vous", 1},
    {"Accompagnement", "Rencontre", 3},
    {"Vie interne", "Réunion du conseil", 1},
};
#define TYPE_COUNT (sizeof activity_types / sizeof activity_types[0])

static const char *const memo_words[] = {
    "Facture", "Paiement", "Dépôt", "Versement", "Remboursement", "Achat",
    "Contrat", "Inscription", "Honoraires", "Frais",
};
#define MEMO_WORD_COUNT (sizeof memo_words / sizeof memo_words[0])

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t rng_state = 0x62696c616e2d6265ULL;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint32_t rng_below(uint32_t n)
{
    return (uint32_t)(((rng_next() >> 32) * n) >> 32);
}

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Fiscal year index 0..YEARS-1 of a day (oldest first). */
static int fiscal_index(int64_t day)
{
    for (int i = YEARS - 1; i >= 0; i--)
        if (day >= days_from_civil(FIRST_YEAR - 1 + i, 4, 1))
            return i;
    return -1;
}

typedef struct totals {
    int64_t revenue[YEARS], expenses[YEARS];
    int64_t activities[YEARS], participants[YEARS], hours[YEARS];
    int64_t other_kinds;
} totals;

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gen_input: %s: %s\n", path, strerror(errno));
        exit(73);
    }
    static char *buffers[8];
    static int used;
    if (used < 8) {
        buffers[used] = malloc(1 << 20);
        if (buffers[used])
            setvbuf(f, buffers[used], _IOFBF, 1 << 20);
        used++;
    }
    return f;
}

static void close_out(FILE *f, const char *name)
{
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "gen_input: %s: write error\n", name);
        exit(74);
    }
}

static void write_report_ini(const char *dir)
{
    FILE *f = open_out(dir, "report.ini");
    fputs("; Generated by bench/gen_input: a benchmark input, not real data.\n"
          "[organisation]\n"
          "name = Organisme témoin\n"
          "subtitle = Données synthétiques pour le banc d'essai\n"
          "address = 4050, rue Molson, Montréal (Québec) H1Y 3N1\n"
          "phone = 514 555-0100\n"
          "\n"
          "[report]\n"
          "title = Bilan annuel\n"
          "fiscal_year_end = 03-31\n"
          "year = 2014\n"
          "history = 3\n"
          "language = fr\n"
          "currency = CAD\n"
          "self_generated = Revenus autonomes\n"
          "\n"
          "[workbook]\n"
          "detail = yes\n", f);
    close_out(f, "report.ini");
}

/* A CSV field: quoted when it holds a comma, a quote or a newline. */
static void put_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n")) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

static void write_accounts(const char *dir)
{
    FILE *f = open_out(dir, "accounts.csv");
    fputs("account,name,kind,group\n", f);
    for (size_t i = 0; i < ACCOUNT_COUNT; i++) {
        fprintf(f, "%s,", accounts[i].code);
        put_field(f, accounts[i].name);
        fprintf(f, ",%s,", kind_names[accounts[i].kind]);
        put_field(f, accounts[i].group);
        putc('\n', f);
    }
    close_out(f, "accounts.csv");
}

static const char *const people[][4] = {
    {"Marie Tremblay", "Présidente", "Conseil d'administration", ""},
    {"Jean Gagnon", "Vice-président", "Conseil d'administration", ""},
    {"Sophie Roy", "Trésorière", "Conseil d'administration", ""},
    {"Luc Côté", "Secrétaire", "Conseil d'administration", ""},
    {"Nadia Bouchard", "Administratrice", "Conseil d'administration", ""},
    {"Karim Belkacem", "Administrateur", "Conseil d'administration", ""},
    {"Isabelle Gauthier", "Administratrice", "Conseil d'administration", ""},
    {"Anne Morin", "Directrice générale", "Équipe", ""},
    {"Pierre Lavoie", "Coordonnateur", "Équipe", "Équipe Formation"},
    {"Julie Fortin", "Formatrice", "Équipe", "Équipe Formation"},
    {"Mathieu Gagné", "Formateur", "Équipe", "Équipe Formation"},
    {"Catherine Ouellet", "Accompagnatrice", "Équipe", "Équipe Accompagnement"},
    {"François Pelletier", "Accompagnateur", "Équipe", "Équipe Accompagnement"},
    {"Émilie Bélanger", "Agente de recherche", "Équipe", "Équipe Mobilisation"},
    {"Olivier Lévesque", "Agent de communication", "Équipe", "Équipe Mobilisation"},
    {"Chantal Bergeron", "Adjointe administrative", "Équipe", ""},
    {"Yves Leblanc", "Consultant", "Collaborateurs", ""},
    {"Fatima Diallo", "Formatrice associée", "Collaborateurs", ""},
    {"Nguyen Van An", "Chercheur associé", "Collaborateurs", ""},
    {"Geneviève Paquette, M.A.", "Évaluatrice", "Collaborateurs", ""},
};
#define PEOPLE_COUNT (sizeof people / sizeof people[0])

/* -m: N synthetic people in the three groups, some in one of 20 teams. */
static void write_synthetic_people(FILE *f)
{
    static const char *const groups[] = {"Conseil d'administration", "Équipe",
                                         "Collaborateurs"};
    for (unsigned long i = 0; i < pool.people; i++) {
        fprintf(f, "Personne %06lu,Rôle %lu,%s,", i, i % 50, groups[i % 3]);
        if (i % 3 == 1 && i % 4)
            fprintf(f, "Équipe %lu", i % 20);
        putc('\n', f);
    }
}

static void write_people(const char *dir)
{
    FILE *f = open_out(dir, "people.csv");
    fputs("name,role,group,team\n", f);
    if (pool.people) {
        write_synthetic_people(f);
        close_out(f, "people.csv");
        return;
    }
    for (size_t i = 0; i < PEOPLE_COUNT; i++) {
        for (int j = 0; j < 4; j++) {
            if (j)
                putc(',', f);
            put_field(f, people[i][j]);
        }
        putc('\n', f);
    }
    close_out(f, "people.csv");
}

/* -a: synthetic accounts, alternately revenue and expense, in pool.groups
 * groups per kind (the first revenue group is the self-generated one that
 * report.ini names). */
static void make_accounts(void)
{
    unsigned long groups = pool.groups ? pool.groups : 8;
    account_def *list = calloc(pool.accounts, sizeof *list);
    if (!list) {
        fputs("gen_input: out of memory\n", stderr);
        exit(71);
    }
    for (unsigned long i = 0; i < pool.accounts; i++) {
        int revenue = i % 2 == 0;
        unsigned long g = (i / 2) % groups;
        char code[32], name[64], group[64];
        snprintf(code, sizeof code, "%c%07lu", revenue ? '4' : '5', i);
        snprintf(name, sizeof name, "Compte %lu", i);
        if (revenue && g == 0)
            snprintf(group, sizeof group, "Revenus autonomes");
        else
            snprintf(group, sizeof group, "%s %lu", revenue ? "Produits" : "Charges", g);
        list[i].code = strdup(code);
        list[i].name = strdup(name);
        list[i].group = strdup(group);
        list[i].kind = revenue ? K_REVENUE : K_EXPENSE;
        list[i].weight = 1;
        list[i].typical = 10000 + (int64_t)(i % 97) * 1000;
    }
    accounts = list;
    account_count = pool.accounts;
}

static const account_def *pick_account(int total_weight, long serial)
{
    if (pool.accounts)
        return &accounts[(unsigned long)serial % account_count];
    int r = (int)rng_below((uint32_t)total_weight);
    for (size_t i = 0; i < ACCOUNT_COUNT; i++) {
        r -= accounts[i].weight;
        if (r < 0)
            return &accounts[i];
    }
    return &accounts[ACCOUNT_COUNT - 1];
}

/* The counterparty of a line: a funder, a client or a supplier, from pools
 * that do not grow with the file; empty for one line in ten. */
static void pick_counterparty(const account_def *a, long serial, char *buf, size_t size)
{
    uint32_t r = rng_below(100);
    if (pool.counterparties && a->kind != K_EQUITY) {
        unsigned long c = (unsigned long)serial % pool.counterparties;
        if (a->kind == K_REVENUE)
            snprintf(buf, size, "Bailleur %06lu", c);
        else
            snprintf(buf, size, "Fournisseur %06lu inc.", c);
    } else if (r < 10 || a->kind == K_EQUITY) {
        buf[0] = '\0';
    } else if (a->kind == K_REVENUE && a->group[0] == 'S') {
        snprintf(buf, size, "%s", funders[rng_below(sizeof funders / sizeof funders[0])]);
    } else if (a->kind == K_REVENUE) {
        uint32_t p = rng_below(PLACE_COUNT * PARTNER_KIND_COUNT);
        snprintf(buf, size, "%s %s", partner_kinds[p % PARTNER_KIND_COUNT],
                 places[p / PARTNER_KIND_COUNT]);
    } else {
        snprintf(buf, size, "Fournisseur %03" PRIu32 " inc.", rng_below(400));
    }
}

static void pick_memo(const account_def *a, int64_t serial, char *buf, size_t size)
{
    uint32_t r = rng_below(100);
    const char *word = memo_words[rng_below(MEMO_WORD_COUNT)];
    if (r < 3)
        snprintf(buf, size, "%s %s, \"%s\"", word, a->name, places[rng_below(PLACE_COUNT)]);
    else if (r < 10)
        snprintf(buf, size, "%s, lot %" PRId64, word, serial % 97);
    else
        snprintf(buf, size, "%s %s", word, a->name);
}

/* Amount in cents: around the account's typical amount, sometimes negative. */
static int64_t pick_amount(const account_def *a)
{
    int64_t base = a->typical / 4 + (int64_t)rng_below((uint32_t)(a->typical * 3 / 2 + 1));
    if (a->kind == K_REVENUE)
        base = base * 3 / 10;  /* keep revenue and expenses comparable */
    if (base == 0)
        base = 1;
    return rng_below(100) < 3 ? -base : base;
}

static void put_money(FILE *f, int64_t cents)
{
    if (cents < 0) {
        putc('-', f);
        cents = -cents;
    }
    fprintf(f, "%" PRId64 ".%02d", cents / 100, (int)(cents % 100));
}

static void put_date(FILE *f, int64_t day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    fprintf(f, "%04d-%02d-%02d,", y, m, d);
}

static void tally_line(totals *t, const account_def *a, int64_t day, int64_t cents)
{
    int fy = fiscal_index(day);
    if (a->kind == K_REVENUE)
        t->revenue[fy] += cents;
    else if (a->kind == K_EXPENSE)
        t->expenses[fy] += cents;
    else
        t->other_kinds++;
}

static void write_ledger(const char *dir, long lines, int debit_credit, totals *t)
{
    FILE *f = open_out(dir, "ledger.csv");
    fputs(debit_credit ? "date,account,counterparty,memo,ref,debit,credit\n"
                       : "date,account,counterparty,memo,ref,amount\n", f);
    int total_weight = 0;
    for (size_t i = 0; i < ACCOUNT_COUNT; i++)
        total_weight += accounts[i].weight;
    int64_t first = days_from_civil(FIRST_YEAR - 1, 4, 1);
    int64_t span = days_from_civil(REPORT_YEAR, 4, 1) - first;
    char party[128], memo[256];
    for (long i = 0; i < lines; i++) {
        int64_t day = first + (int64_t)i * span / lines;
        const account_def *a = pick_account(total_weight, i);
        int64_t cents = pick_amount(a);
        pick_counterparty(a, i, party, sizeof party);
        pick_memo(a, i, memo, sizeof memo);
        put_date(f, day);
        fprintf(f, "%s,", a->code);
        put_field(f, party);
        putc(',', f);
        put_field(f, memo);
        fprintf(f, ",P-%07ld,", i + 1);
        if (!debit_credit) {
            put_money(f, cents);
        } else {
            /* Natural direction: revenue = credit - debit, else debit - credit. */
            int credit_side = (a->kind == K_REVENUE || a->kind == K_LIABILITY ||
                               a->kind == K_EQUITY) == (cents >= 0);
            if (credit_side)
                putc(',', f);
            put_money(f, cents < 0 ? -cents : cents);
            if (!credit_side)
                putc(',', f);
        }
        putc('\n', f);
        tally_line(t, a, day, cents);
    }
    close_out(f, "ledger.csv");
}

/* A partner, sometimes spelt differently (case, spaces) as people do. */
static void pick_partner(char *buf, size_t size)
{
    uint32_t p = rng_below(PLACE_COUNT * PARTNER_KIND_COUNT);
    const char *kind_name = partner_kinds[p % PARTNER_KIND_COUNT];
    const char *place = places[p / PARTNER_KIND_COUNT];
    uint32_t r = rng_below(100);
    if (r < 5)
        snprintf(buf, size, "  %s %s ", kind_name, place);
    else if (r < 8)
        snprintf(buf, size, "%s", place);       /* the place alone */
    else if (r < 10)
        buf[0] = '\0';
    else
        snprintf(buf, size, "%s %s", kind_name, place);
    if (r >= 10 && r < 13)
        for (char *c = buf; *c; c++)   /* "TABLE DE QUARTIER VERDUN" */
            if (*c >= 'a' && *c <= 'z')
                *c = (char)(*c - 'a' + 'A');
}

static const activity_type *pick_type(void)
{
    int total = 0;
    for (size_t i = 0; i < TYPE_COUNT; i++)
        total += activity_types[i].weight;
    int r = (int)rng_below((uint32_t)total);
    for (size_t i = 0; i < TYPE_COUNT; i++) {
        r -= activity_types[i].weight;
        if (r < 0)
            return &activity_types[i];
    }
    return &activity_types[TYPE_COUNT - 1];
}

/* -x, -t: the (axis, type) pair of activity serial, in turn. */
static const activity_type *synthetic_type(long serial)
{
    static activity_type ty;
    static char axis[32], type[32];
    unsigned long types = pool.types ? pool.types : TYPE_COUNT;
    unsigned long axes = pool.axes ? pool.axes : 3;
    if (types < axes)
        types = axes;
    unsigned long k = (unsigned long)serial % types;
    snprintf(axis, sizeof axis, "Axe %05lu", k % axes);
    snprintf(type, sizeof type, "Type %06lu", k);
    ty.axis = axis;
    ty.type = type;
    return &ty;
}

static void write_activity(FILE *f, long serial, int64_t day, totals *t)
{
    const activity_type *ty = pool.axes || pool.types ? synthetic_type(serial) : pick_type();
    char partner[160], region_buf[32];
    if (pool.partners)
        snprintf(partner, sizeof partner, "Partenaire %06lu",
                 (unsigned long)serial % pool.partners);
    else
        pick_partner(partner, sizeof partner);
    const char *region = regions[rng_below(REGION_COUNT)];
    if (pool.regions) {
        snprintf(region_buf, sizeof region_buf, "Région %05lu",
                 (unsigned long)serial % pool.regions);
        region = region_buf;
    }
    int64_t participants = rng_below(121);
    int64_t hours = rng_below(4) ? 25 * (1 + (int64_t)rng_below(160)) : -1;
    put_date(f, day);
    put_field(f, ty->axis);
    putc(',', f);
    put_field(f, ty->type);
    putc(',', f);
    fprintf(f, "%s %s %" PRIu32 ",", ty->type, places[rng_below(PLACE_COUNT)],
            rng_below(1000));
    put_field(f, partner);
    fprintf(f, ",%s,%" PRId64 ",", rng_below(100) < 5 ? "" : region, participants);
    if (hours >= 0)
        put_money(f, hours);
    putc('\n', f);
    int fy = fiscal_index(day);
    t->activities[fy]++;
    t->participants[fy] += participants;
    t->hours[fy] += hours > 0 ? hours : 0;
}

static void write_activities(const char *dir, long rows, totals *t)
{
    FILE *f = open_out(dir, "activities.csv");
    fputs("date,axis,type,title,partner,region,participants,hours\n", f);
    int64_t first = days_from_civil(FIRST_YEAR - 1, 4, 1);
    int64_t span = days_from_civil(REPORT_YEAR, 4, 1) - first;
    for (long i = 0; i < rows; i++)
        write_activity(f, i, first + (int64_t)i * span / rows, t);
    close_out(f, "activities.csv");
}

/* expected.txt: "key value" lines, money in cents, index 0 = reported year. */
static void write_expected(const char *dir, long lines, long rows, const totals *t)
{
    FILE *f = open_out(dir, "expected.txt");
    fprintf(f, "ledger_rows %ld\nactivity_rows %ld\nledger_rows_outside_years 0\n"
            "ledger_rows_other_kinds %" PRId64 "\n", lines, rows, t->other_kinds);
    for (int slot = 0; slot < 2; slot++) {
        int fy = YEARS - 1 - slot;
        fprintf(f, "revenue.%d %" PRId64 "\nexpenses.%d %" PRId64 "\n"
                "activities.%d %" PRId64 "\nparticipants.%d %" PRId64 "\n"
                "hours.%d %" PRId64 "\n",
                slot, t->revenue[fy], slot, t->expenses[fy], slot, t->activities[fy],
                slot, t->participants[fy], slot, t->hours[fy]);
    }
    close_out(f, "expected.txt");
}

static int usage(void)
{
    fputs("usage: gen_input [-c] [-a ACCOUNTS] [-g GROUPS] [-k COUNTERPARTIES] [-p PARTNERS]\n"
          "                 [-r REGIONS] [-x AXES] [-t TYPES] [-m PEOPLE] [-n ACTIVITIES]\n"
          "                 LINES DIR\n", stderr);
    return 64;
}

/* A count argument, 1 to 100,000,000; 0 when it is not one. */
static unsigned long count_arg(const char *text)
{
    char *end;
    long v = strtol(text, &end, 10);
    return *end || v < 1 || v > 100000000 ? 0 : (unsigned long)v;
}

int main(int argc, char **argv)
{
    int debit_credit = 0, opt;
    unsigned long activities = 0;
    while ((opt = getopt(argc, argv, "ca:g:k:p:r:x:t:m:n:")) != -1) {
        unsigned long *slot = NULL;
        switch (opt) {
        case 'c': debit_credit = 1; continue;
        case 'a': slot = &pool.accounts; break;
        case 'g': slot = &pool.groups; break;
        case 'k': slot = &pool.counterparties; break;
        case 'p': slot = &pool.partners; break;
        case 'r': slot = &pool.regions; break;
        case 'x': slot = &pool.axes; break;
        case 't': slot = &pool.types; break;
        case 'm': slot = &pool.people; break;
        case 'n': slot = &activities; break;
        default: return usage();
        }
        if ((*slot = count_arg(optarg)) == 0)
            return usage();
    }
    if (argc - optind != 2)
        return usage();
    long lines = (long)count_arg(argv[optind]);
    if (lines < 1)
        return usage();
    if (pool.groups && !pool.accounts)
        pool.accounts = DEFAULT_ACCOUNT_COUNT;
    if (pool.accounts)
        make_accounts();
    const char *dir = argv[optind + 1];
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_input: %s: %s\n", dir, strerror(errno));
        return 73;
    }
    long rows = activities ? (long)activities : lines / 10 > 0 ? lines / 10 : 1;
    totals t = {0};
    write_report_ini(dir);
    write_accounts(dir);
    write_people(dir);
    write_ledger(dir, lines, debit_credit, &t);
    write_activities(dir, rows, &t);
    write_expected(dir, lines, rows, &t);
    return 0;
}
