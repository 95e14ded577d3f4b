package howto

import "math"

// Classify, the role model read as a sequence: a linear-chain conditional
// random field over a text's sentences. A sentence's role is scored by its
// own features (the weights of the logit's table) and by the role of the
// sentence before it: within a block ("prev=ROLE"), from the last sentence
// of the block before ("prevb=ROLE"), or none at the text's start
// ("prev=^"). These transition weights live in the same table as the
// features, so the model file's format is unchanged; a model without them
// reads every sentence alone.
//
// During an import the blocks come one by one, so a block is decoded with
// what the blocks before it left (the forward message of their last
// sentence) and its own sentences in both directions: each sentence's
// probabilities are its marginals, and its role the best path through the
// block (Viterbi).

const startKey = "prev=^"

// transKey names the weights of the transition from role j.
func transKey(across bool, role string) string {
	if across {
		return "prevb=" + spaced([]string{role})[0]
	}
	return "prev=" + spaced([]string{role})[0]
}

// chainWeights are the transition weights of a role model.
type chainWeights struct {
	start      []float64   // into the text's first sentence
	in, across [][]float64 // [from][to], within a block and from the block before
}

func (l *logit) chain() chainWeights {
	K := len(l.classes)
	c := chainWeights{start: make([]float64, K), in: make([][]float64, K), across: make([][]float64, K)}
	copy(c.start, l.w[startKey])
	for j, r := range l.classes {
		c.in[j], c.across[j] = make([]float64, K), make([]float64, K)
		copy(c.in[j], l.w[transKey(false, r)])
		copy(c.across[j], l.w[transKey(true, r)])
	}
	return c
}

// score is a sentence's own score for each role, before normalising.
func (l *logit) score(feats []string) []float64 {
	z := make([]float64, len(l.classes))
	copy(z, l.bias)
	for _, f := range feats {
		if ws, ok := l.w[f]; ok {
			for k, x := range ws {
				z[k] += x
			}
		}
	}
	return z
}

// blockGuess is a block decoded: each sentence's marginals and role, and
// the forward message the next block starts from.
type blockGuess struct {
	marg [][]float64
	path []int
	next []float64 // log, normalised
}

// decodeBlock decodes one block's sentences after the blocks whose last
// forward message is prev (nil at the text's start).
func (l *logit) decodeBlock(c chainWeights, prev []float64, feats [][]string) blockGuess {
	n, K := len(feats), len(l.classes)
	if n == 0 {
		return blockGuess{next: prev}
	}
	e := make([][]float64, n)
	for i, f := range feats {
		e[i] = l.score(f)
	}
	first := chainEntry(c, prev, K)
	alpha := make([][]float64, n)
	beta := make([][]float64, n)
	for i := range e {
		alpha[i] = make([]float64, K)
		for k := 0; k < K; k++ {
			if i == 0 {
				alpha[i][k] = first[k] + e[i][k]
				continue
			}
			alpha[i][k] = logSumExpOver(K, func(j int) float64 { return alpha[i-1][j] + c.in[j][k] }) + e[i][k]
		}
	}
	beta[n-1] = make([]float64, K)
	for i := n - 2; i >= 0; i-- {
		beta[i] = make([]float64, K)
		for j := 0; j < K; j++ {
			beta[i][j] = logSumExpOver(K, func(k int) float64 { return c.in[j][k] + e[i+1][k] + beta[i+1][k] })
		}
	}
	logZ := logSumExpOver(K, func(k int) float64 { return alpha[n-1][k] })
	g := blockGuess{marg: make([][]float64, n), next: make([]float64, K)}
	for i := range e {
		g.marg[i] = make([]float64, K)
		for k := 0; k < K; k++ {
			g.marg[i][k] = math.Exp(alpha[i][k] + beta[i][k] - logZ)
		}
	}
	for k := 0; k < K; k++ {
		g.next[k] = alpha[n-1][k] - logZ
	}
	g.path = viterbi(c, first, e)
	return g
}

// chainEntry is the log score of each role for a block's first sentence: from
// the text's start, or from the block before's last forward message.
func chainEntry(c chainWeights, prev []float64, K int) []float64 {
	out := make([]float64, K)
	for k := 0; k < K; k++ {
		if prev == nil {
			out[k] = c.start[k]
			continue
		}
		out[k] = logSumExpOver(K, func(j int) float64 { return prev[j] + c.across[j][k] })
	}
	return out
}

// viterbi is the best path of roles through a block.
func viterbi(c chainWeights, first []float64, e [][]float64) []int {
	n, K := len(e), len(first)
	best := make([][]float64, n)
	from := make([][]int, n)
	for i := range e {
		best[i], from[i] = make([]float64, K), make([]int, K)
		for k := 0; k < K; k++ {
			if i == 0 {
				best[i][k] = first[k] + e[i][k]
				continue
			}
			b, at := math.Inf(-1), 0
			for j := 0; j < K; j++ {
				if v := best[i-1][j] + c.in[j][k]; v > b {
					b, at = v, j
				}
			}
			best[i][k], from[i][k] = b+e[i][k], at
		}
	}
	path := make([]int, n)
	for k := 1; k < K; k++ {
		if best[n-1][k] > best[n-1][path[n-1]] {
			path[n-1] = k
		}
	}
	for i := n - 1; i > 0; i-- {
		path[i-1] = from[i][path[i]]
	}
	return path
}

// logSumExpOver is log Σ exp f(k) for k below K.
func logSumExpOver(K int, f func(int) float64) float64 {
	mx := math.Inf(-1)
	var buf [16]float64
	vs := buf[:0]
	if K > len(buf) {
		vs = make([]float64, 0, K)
	}
	vs = vs[:K]
	for k := range vs {
		vs[k] = f(k)
		mx = math.Max(mx, vs[k])
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	s := 0.0
	for _, v := range vs {
		s += math.Exp(v - mx)
	}
	return mx + math.Log(s)
}
