package num

// Quantity is a figure as the data holds it: an exact value with the unit
// and qualifier it was written with. It says nothing of how it is shown:
// internal/locale shows it in a site's language.
type Quantity struct {
	Value     Dec  // in the base unit: 460000 for 46 万元
	Written   Dec  // as written, in Unit: 46
	Unit      Unit // 万元
	Qualifier string
	// UnitEn is the figure's own English noun (unit_en: counties), for a
	// measure word English counts with a bare number (个).
	UnitEn string
	// Shown is the unit an editor asked the figure to be shown in
	// (display_unit); zero for the unit it is written in.
	Shown Unit
}

// Base is the measure word the value is counted in (元 for 万元).
func (q Quantity) Base() string { return q.Unit.Base }

// NewQuantity is the quantity written as value in unit.
func NewQuantity(value Dec, unit Unit, qualifier string) Quantity {
	return Quantity{Value: value.Shift(unit.Scale), Written: value, Unit: unit, Qualifier: qualifier}
}
