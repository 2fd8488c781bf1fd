package fold

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Sosúa": "sosua", "SOSUA": "sosua", "Andrés": "andres", "Łódź": "lodz",
		"Straße": "strasse", "O’Brien": "o'brien", "São Paulo": "sao paulo", "": "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"San Pedro de Macorís":   "san pedro de macoris",
		"Maria's":                "maria",
		"O'Brien's house":        "o'brien house",
		"Pointe-à-Pitre":         "pointe a pitre",
		"  Boca   Chica\n":       "boca chica",
		"ramon-peralta_boca.jpg": "ramon peralta boca jpg",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}
