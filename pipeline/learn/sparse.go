package learn

// Sparse is a matrix in compressed sparse row form: row i holds the values
// Value[RowStart[i]:RowStart[i+1]] in the columns Index[RowStart[i]:RowStart[i+1]].
//
// A binary row, the form features takes, has no values: where Value is nil, row i has
// the value Scale[i] in the columns Index[RowStart[i]:Split[i]] and 1 in the columns
// Index[Split[i]:RowStart[i+1]]. Reading only indices halves what the fit reads per row.
type Sparse struct {
	Cols     int
	RowStart []int
	Index    []int32
	Value    []float64
	Scale    []float64
	Split    []int
}

// Rows returns the number of rows.
func (m *Sparse) Rows() int { return len(m.RowStart) - 1 }

// NewSparse starts an empty matrix with cols columns.
func NewSparse(cols int) *Sparse { return &Sparse{Cols: cols, RowStart: []int{0}} }

// AddRow appends a row; index and value must have the same length, indices below Cols.
func (m *Sparse) AddRow(index []int32, value []float64) {
	if m.Scale != nil {
		panic("learn: a row with values in a binary matrix")
	}
	if len(index) != len(value) {
		panic("learn: index and value of different length")
	}
	for _, j := range index {
		if j < 0 || int(j) >= m.Cols {
			panic("learn: column out of range")
		}
	}
	m.Index = append(m.Index, index...)
	m.Value = append(m.Value, value...)
	m.RowStart = append(m.RowStart, len(m.Index))
}

// Dense returns a Sparse of the dense rows x (for small problems and tests).
func Dense(x [][]float64) *Sparse {
	cols := 0
	for _, r := range x {
		cols = max(cols, len(r))
	}
	m := NewSparse(cols)
	for _, r := range x {
		var idx []int32
		var val []float64
		for j, v := range r {
			if v != 0 {
				idx = append(idx, int32(j))
				val = append(val, v)
			}
		}
		m.AddRow(idx, val)
	}
	return m
}

// addBinaryRow appends a binary row: scale in the columns scaled, 1 in the columns ones.
// Every row of the matrix must be binary.
func (m *Sparse) addBinaryRow(scaled []int32, scale float64, ones []int32) {
	if m.Value != nil || len(m.Scale) != m.Rows() {
		panic("learn: a binary row in a matrix with values")
	}
	m.Index = append(m.Index, scaled...)
	m.Split = append(m.Split, len(m.Index))
	m.Index = append(m.Index, ones...)
	m.Scale = append(m.Scale, scale)
	m.RowStart = append(m.RowStart, len(m.Index))
}

// dot returns w · row i.
func (m *Sparse) dot(i int, w []float64) float64 {
	if m.Value == nil && m.Scale != nil {
		a, b := 0.0, 0.0
		idx := m.Index[m.RowStart[i]:m.Split[i]]
		for _, j := range idx {
			a += w[j]
		}
		for _, j := range m.Index[m.Split[i]:m.RowStart[i+1]] {
			b += w[j]
		}
		return a*m.Scale[i] + b
	}
	s := 0.0
	for k := m.RowStart[i]; k < m.RowStart[i+1]; k++ {
		s += w[m.Index[k]] * m.Value[k]
	}
	return s
}

// axpy adds a · row i to g.
func (m *Sparse) axpy(i int, a float64, g []float64) {
	if m.Value == nil && m.Scale != nil {
		as := a * m.Scale[i]
		for _, j := range m.Index[m.RowStart[i]:m.Split[i]] {
			g[j] += as
		}
		for _, j := range m.Index[m.Split[i]:m.RowStart[i+1]] {
			g[j] += a
		}
		return
	}
	for k := m.RowStart[i]; k < m.RowStart[i+1]; k++ {
		g[m.Index[k]] += a * m.Value[k]
	}
}
