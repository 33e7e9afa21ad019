// Words the demo-data generator composes titles, channels and comments from.

export const SUBCATEGORIES: { parent: string; name: string; slug: string; description: string; icon: string; color: string }[] = [
  { parent: 'technology', name: 'Artificial Intelligence', slug: 'artificial-intelligence', description: 'Machine learning, neural networks, alignment', icon: '🤖', color: '#6366f1' },
  { parent: 'technology', name: 'Programming', slug: 'programming', description: 'Languages, algorithms, software craft', icon: '💻', color: '#0ea5e9' },
  { parent: 'technology', name: 'Electronics', slug: 'electronics', description: 'Circuits, chips, hardware', icon: '🔌', color: '#14b8a6' },
  { parent: 'science', name: 'Physics', slug: 'physics', description: 'From quarks to galaxies', icon: '⚛️', color: '#8b5cf6' },
  { parent: 'science', name: 'Biology', slug: 'biology', description: 'Life, evolution, genetics', icon: '🧬', color: '#22c55e' },
  { parent: 'science', name: 'Astronomy', slug: 'astronomy', description: 'Stars, planets, cosmology', icon: '🔭', color: '#1e3a8a' },
  { parent: 'science', name: 'Chemistry', slug: 'chemistry', description: 'Elements, reactions, materials', icon: '⚗️', color: '#f59e0b' },
  { parent: 'philosophy', name: 'Ethics', slug: 'ethics', description: 'How to live and act', icon: '⚖️', color: '#a855f7' },
  { parent: 'philosophy', name: 'Logic', slug: 'logic', description: 'Arguments, proofs, paradoxes', icon: '🧩', color: '#64748b' },
  { parent: 'history', name: 'Ancient History', slug: 'ancient-history', description: 'Before 500 CE', icon: '🏛️', color: '#b45309' },
  { parent: 'history', name: 'Modern History', slug: 'modern-history', description: 'From 1750 to today', icon: '📜', color: '#78716c' },
  { parent: 'mathematics', name: 'Calculus', slug: 'calculus', description: 'Limits, derivatives, integrals', icon: '∫', color: '#ef4444' },
  { parent: 'mathematics', name: 'Linear Algebra', slug: 'linear-algebra', description: 'Vectors, matrices, transformations', icon: '📐', color: '#f97316' },
  { parent: 'economics', name: 'Macroeconomics', slug: 'macroeconomics', description: 'Growth, inflation, policy', icon: '📈', color: '#16a34a' },
];

/** Topics per category slug: the subjects of demo videos. */
export const TOPICS: Record<string, string[]> = {
  technology: ['the internet', 'cryptography', 'operating systems', 'databases', 'computer networks', 'cloud computing'],
  'artificial-intelligence': ['neural networks', 'backpropagation', 'transformers', 'reinforcement learning', 'large language models', 'computer vision'],
  programming: ['recursion', 'type systems', 'garbage collection', 'compilers', 'concurrency', 'sorting algorithms'],
  electronics: ['transistors', 'logic gates', 'microcontrollers', 'signal processing', 'semiconductors'],
  science: ['the scientific method', 'measurement', 'entropy', 'climate systems'],
  physics: ['quantum mechanics', 'special relativity', 'thermodynamics', 'electromagnetism', 'particle physics', 'black holes'],
  biology: ['evolution', 'DNA replication', 'the immune system', 'photosynthesis', 'neurons', 'CRISPR'],
  astronomy: ['stellar evolution', 'exoplanets', 'dark matter', 'the Big Bang', 'galaxies', 'neutron stars'],
  chemistry: ['chemical bonds', 'the periodic table', 'organic chemistry', 'catalysis', 'polymers'],
  philosophy: ['free will', 'consciousness', 'personal identity', 'the problem of induction', 'existentialism'],
  ethics: ['utilitarianism', 'virtue ethics', 'moral realism', 'the trolley problem', 'effective altruism'],
  logic: ['Gödel\'s incompleteness theorems', 'paradoxes of self-reference', 'modal logic', 'syllogisms'],
  'arts-humanities': ['Renaissance painting', 'the novel', 'music theory', 'architecture', 'poetry', 'film language'],
  history: ['the printing press', 'the silk road', 'the cold war', 'the industrial revolution'],
  'ancient-history': ['the Roman republic', 'ancient Egypt', 'the Bronze Age collapse', 'classical Athens'],
  'modern-history': ['the French revolution', 'the world wars', 'decolonisation', 'the space race'],
  mathematics: ['prime numbers', 'infinity', 'group theory', 'topology', 'probability', 'graph theory'],
  calculus: ['limits', 'derivatives', 'integrals', 'differential equations', 'Taylor series', 'the fundamental theorem of calculus'],
  'linear-algebra': ['vectors', 'matrices', 'eigenvalues', 'determinants', 'linear transformations'],
  economics: ['supply and demand', 'game theory', 'behavioural economics', 'trade', 'market failures'],
  macroeconomics: ['inflation', 'central banks', 'unemployment', 'economic growth', 'recessions'],
};

export const TITLE_PATTERNS = [
  'Introduction to {t}',
  '{T} explained',
  'A visual guide to {t}',
  'What is {t}, really?',
  'The history of {t}',
  '{T} in 10 minutes',
  'Lecture {n}: {t}',
  'Why {t} matters',
  'The surprising math of {t}',
  'Understanding {t} from first principles',
  '{T}: common misconceptions',
  'Deep dive: {t}',
];

export const CHANNELS = [
  'Cosmic Lectures', 'First Principles', 'The Curious Lab', 'Open Seminar', 'Chalkboard Club',
  'Minute Physics Society', 'Deep Time', 'Logic & Lore', 'Signal and Noise', 'The Margin',
  'Atlas of Ideas', 'Numberverse', 'Historia', 'Green Cell', 'Stellar Notes', 'Code Garden',
  'Market Forces', 'Agora Talks', 'Vector Space', 'Quantum Cafe',
];

export const TAGS = [
  'beginner', 'intermediate', 'advanced', 'lecture', 'animation', 'documentary', 'interview', 'tutorial',
  'proof', 'history-of-science', 'thought-experiment', 'visualization', 'case-study', 'debate', 'series',
  'quantum', 'relativity', 'cosmology', 'genetics', 'evolution', 'neuroscience', 'machine-learning',
  'algorithms', 'cryptography', 'statistics', 'probability', 'geometry', 'number-theory', 'calculus',
  'ethics', 'metaphysics', 'epistemology', 'ancient-world', 'medieval', 'renaissance', 'industrial-age',
  'climate', 'energy', 'space-exploration', 'economics-101', 'game-theory', 'policy', 'art-history',
  'music', 'literature', 'linguistics', 'psychology', 'chemistry-basics', 'engineering', 'hardware',
];

export const FIRST_NAMES = ['ada', 'alan', 'grace', 'emmy', 'marie', 'niels', 'rosalind', 'carl', 'hypatia', 'srinivasa',
  'katherine', 'richard', 'lise', 'chien', 'barbara', 'john', 'mary', 'ibn', 'sofia', 'jocelyn', 'edwin', 'rachel'];
export const LAST_NAMES = ['lovelace', 'turing', 'hopper', 'noether', 'curie', 'bohr', 'franklin', 'sagan', 'alexandria',
  'ramanujan', 'johnson', 'feynman', 'meitner', 'wu', 'mcclintock', 'neumann', 'somerville', 'sina', 'kovalevskaya', 'bell'];

export const COMMENT_OPENERS = [
  'Great explanation of', 'I finally understand', 'Could you do a follow-up on', 'The part about',
  'Not sure I agree with the take on', 'Loved the animation for', 'This clarified', 'Worth pairing with a video on',
];

export const REJECTION_REASONS = ['Off-topic for the platform', 'Duplicate of an approved video', 'Low production quality', 'Misleading title'];
