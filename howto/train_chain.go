package howto

import (
	"math"
	"sync"
)

// Training the role model as a sequence (classify_chain.go): the
// log-likelihood of each text's roles, with L2, by full-batch gradient
// descent with AdaGrad steps, as trainLogit does for one sentence at a
// time: deterministic, so the same examples give the same weights.
// Nothing here runs during an import.

// chainPos is one sentence of a training sequence.
type chainPos struct {
	x      []int // its features' numbers
	y      int   // its role
	across bool  // it opens a block after another block of the text
}

// chainParams are the weights being fitted.
type chainParams struct {
	K                  int
	w, bias, start     []float64 // w: F×K
	in, across         []float64 // K×K, [from*K+to]
	gw, gb, gs, gi, ga []float64 // their gradients
	hw, hb, hs, hi, ha []float64 // AdaGrad's sums
	e, alpha, beta     [][]float64
}

// sequences are the training examples as one sequence a text, each
// sentence twice when it has a masked copy (train_examples.go says why): once
// as it is and once in a copy of its text with every verb masked.
func sequences(ex []RoleExample, index map[string]int) [][]chainPos {
	var out [][]chainPos
	for i := 0; i < len(ex); {
		j := i
		for j < len(ex) && ex[j].Source == ex[i].Source {
			j++
		}
		plain, masked := make([]chainPos, 0, j-i), make([]chainPos, 0, j-i)
		anyMasked := false
		for k := i; k < j; k++ {
			e := ex[k]
			across := k > i && e.Block != ex[k-1].Block
			y := classIndex(e.Role)
			plain = append(plain, chainPos{x: numbered(e.feats, index), y: y, across: across})
			fs := e.feats
			if e.masked != nil {
				fs, anyMasked = e.masked, true
			}
			masked = append(masked, chainPos{x: numbered(fs, index), y: y, across: across})
		}
		out = append(out, plain)
		if anyMasked {
			out = append(out, masked)
		}
		i = j
	}
	return out
}

func numbered(fs []string, index map[string]int) []int {
	var out []int
	for _, f := range fs {
		if j, ok := index[f]; ok {
			out = append(out, j)
		}
	}
	return out
}

// trainChain fits the role model as a linear chain.
func trainChain(classes []string, ex []RoleExample) *logit {
	var all [][]string
	for _, e := range ex {
		all = append(all, e.feats)
		if e.masked != nil {
			all = append(all, e.masked)
		}
	}
	names, _ := indexFeatures(all)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}
	seqs := sequences(ex, index)
	K := len(classes)
	p := newChainParams(len(names), K)
	n := 0.0
	for _, s := range seqs {
		n += float64(len(s))
	}
	shards := p.shards()
	for it := 0; it < trainIters; it++ {
		p.step(seqs, shards, n)
	}
	l := &logit{classes: classes, bias: p.bias, w: make(map[string][]float64, len(names)+2*K+1)}
	for i, f := range names {
		l.w[f] = p.w[i*K : (i+1)*K]
	}
	l.w[startKey] = p.start
	for j, r := range classes {
		l.w[transKey(false, r)] = p.in[j*K : (j+1)*K]
		l.w[transKey(true, r)] = p.across[j*K : (j+1)*K]
	}
	return l
}

// shards are trainShards copies of p that share its weights, each
// summing the gradient of its own run of sequences.
func (p *chainParams) shards() []*chainParams {
	K := p.K
	out := make([]*chainParams, trainShards)
	for i := range out {
		out[i] = &chainParams{K: K, w: p.w, bias: p.bias, start: p.start, in: p.in, across: p.across,
			gw: make([]float64, len(p.gw)), gb: make([]float64, K), gs: make([]float64, K),
			gi: make([]float64, K*K), ga: make([]float64, K*K)}
	}
	return out
}

// step takes one full-batch AdaGrad step: the shards' gradients, added in
// order, then the update.
func (p *chainParams) step(seqs [][]chainPos, shards []*chainParams, n float64) {
	p.zeroGrad()
	inShards(len(seqs), func(sh, i int) { shards[sh].gradient(seqs[i], n) })
	for _, q := range shards {
		addInto(p.gw, q.gw)
		addInto(p.gb, q.gb)
		addInto(p.gs, q.gs)
		addInto(p.gi, q.gi)
		addInto(p.ga, q.ga)
	}
	adagrad(p.w, p.gw, p.hw)
	adagrad(p.bias, p.gb, p.hb)
	adagrad(p.start, p.gs, p.hs)
	adagrad(p.in, p.gi, p.hi)
	adagrad(p.across, p.ga, p.ha)
}

func newChainParams(F, K int) *chainParams {
	z := func(n int) []float64 { return make([]float64, n) }
	return &chainParams{K: K,
		w: z(F * K), bias: z(K), start: z(K), in: z(K * K), across: z(K * K),
		gw: z(F * K), gb: z(K), gs: z(K), gi: z(K * K), ga: z(K * K),
		hw: z(F * K), hb: z(K), hs: z(K), hi: z(K * K), ha: z(K * K)}
}

// zeroGrad starts a step's gradients at the L2 term's.
func (p *chainParams) zeroGrad() {
	for i := range p.gw {
		p.gw[i] = trainL2 * p.w[i]
	}
	for i := range p.gb {
		p.gb[i] = 0
		p.gs[i] = trainL2 * p.start[i]
	}
	for i := range p.gi {
		p.gi[i] = trainL2 * p.in[i]
		p.ga[i] = trainL2 * p.across[i]
	}
}

// grow keeps the work tables at least n rows long.
func (p *chainParams) grow(n int) {
	for len(p.e) < n {
		p.e = append(p.e, make([]float64, p.K))
		p.alpha = append(p.alpha, make([]float64, p.K))
		p.beta = append(p.beta, make([]float64, p.K))
	}
}

// trans is the transition weight into position i from role j to k.
func (p *chainParams) trans(s []chainPos, i, j, k int) float64 {
	if s[i].across {
		return p.across[j*p.K+k]
	}
	return p.in[j*p.K+k]
}

// gradient adds one sequence's gradient of the negative log-likelihood,
// divided by n, by the forward-backward algorithm.
func (p *chainParams) gradient(s []chainPos, n float64) {
	logZ := p.lattice(s)
	K := p.K
	e, alpha, beta := p.e, p.alpha, p.beta
	for i, pos := range s {
		for k := 0; k < K; k++ {
			g := math.Exp(alpha[i][k]+beta[i][k]-logZ) / n
			if k == pos.y {
				g -= 1 / n
			}
			p.gb[k] += g
			if i == 0 {
				p.gs[k] += g
			}
			for _, f := range pos.x {
				p.gw[f*K+k] += g
			}
		}
		if i == 0 {
			continue
		}
		gt := p.gi
		if pos.across {
			gt = p.ga
		}
		for j := 0; j < K; j++ {
			for k := 0; k < K; k++ {
				g := math.Exp(alpha[i-1][j]+p.trans(s, i, j, k)+e[i][k]+beta[i][k]-logZ) / n
				if j == s[i-1].y && k == pos.y {
					g -= 1 / n
				}
				gt[j*K+k] += g
			}
		}
	}
}

// lattice fills the sentences' own scores and the forward and backward
// messages of a sequence, and returns its log partition.
func (p *chainParams) lattice(s []chainPos) float64 {
	K, L := p.K, len(s)
	p.grow(L)
	e, alpha, beta := p.e, p.alpha, p.beta
	for i, pos := range s {
		copy(e[i], p.bias)
		for _, f := range pos.x {
			for k := 0; k < K; k++ {
				e[i][k] += p.w[f*K+k]
			}
		}
	}
	for i := 0; i < L; i++ {
		for k := 0; k < K; k++ {
			if i == 0 {
				alpha[0][k] = p.start[k] + e[0][k]
				continue
			}
			alpha[i][k] = logSumExpOver(K, func(j int) float64 { return alpha[i-1][j] + p.trans(s, i, j, k) }) + e[i][k]
		}
	}
	for k := 0; k < K; k++ {
		beta[L-1][k] = 0
	}
	for i := L - 2; i >= 0; i-- {
		for j := 0; j < K; j++ {
			beta[i][j] = logSumExpOver(K, func(k int) float64 { return p.trans(s, i+1, j, k) + e[i+1][k] + beta[i+1][k] })
		}
	}
	return logSumExpOver(K, func(k int) float64 { return alpha[L-1][k] })
}

// inShards calls f(shard, i) for i from 0 to n-1, the indexes cut into
// trainShards runs of the same length that go at once, each in its own
// goroutine. The shards are fixed, not one per processor, so that adding
// their sums in order gives the same weights on any machine.
func inShards(n int, f func(shard, i int)) {
	var wg sync.WaitGroup
	for sh := 0; sh < trainShards; sh++ {
		lo, hi := n*sh/trainShards, n*(sh+1)/trainShards
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				f(sh, i)
			}
		}()
	}
	wg.Wait()
}

// addInto adds src into dst and sets src back to zero.
func addInto(dst, src []float64) {
	for i, x := range src {
		dst[i] += x
		src[i] = 0
	}
}
